namespace ProductionReady.Tests.Metrics;

/// <summary>
/// The metrics tests run alone: a MeterProvider listens to meters by name process-wide, so another test's app
/// (same meter names, other IMeterFactory) running at the same time would mix its instruments into the scrape.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsRunAlone
{
    public const string Name = "Metrics (not in parallel)";
}
