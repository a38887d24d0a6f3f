using System.Diagnostics.Metrics;

namespace ProductionReady.Secrets;

/// <summary>
/// The problems the startup secret validation found, on the <c>ProductionReady</c> meter: a gauge
/// (<c>productionready.secrets.problems</c>) per rule, so a service that started with warnings keeps
/// saying so to its dashboards. A gauge, not a counter: validation runs before any metrics listener
/// starts. Only rule names are tags; never a key or a value.
/// </summary>
internal sealed class SecretMetrics
{
    private const string MeterName = "ProductionReady";
    private volatile KeyValuePair<string, int>[] _problemsByRule = [];

    public SecretMetrics(IMeterFactory meterFactory) =>
        meterFactory.Create(MeterName).CreateObservableGauge(
            "productionready.secrets.problems",
            Observe,
            unit: "{problem}",
            description: "Secret-validation problems found at startup, per rule.");

    public void Record(SecretValidationReport report) =>
        _problemsByRule = report.Problems
            .GroupBy(p => SecretRuleNames.Of(p.Rule), StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .ToArray();

    private IEnumerable<Measurement<int>> Observe()
    {
        foreach (var (rule, count) in _problemsByRule)
        {
            yield return new Measurement<int>(count, new KeyValuePair<string, object?>("rule", rule));
        }
    }
}
