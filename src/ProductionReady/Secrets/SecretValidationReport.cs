using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProductionReady.Common;

namespace ProductionReady.Secrets;

/// <summary>
/// The outcome of one validation: every problem at once, with key, rule, what is wrong and what to
/// do; as text for people and as JSON for CI. Holds no secret value.
/// </summary>
internal sealed class SecretValidationReport
{
    public SecretValidationReport(string environment, bool fatal, IReadOnlyList<SecretProblem> problems, IReadOnlyList<SuppressedSecretProblem> suppressed)
    {
        Environment = environment;
        Fatal = fatal;
        Problems = problems;
        Suppressed = suppressed;
    }

    public string Environment { get; }

    /// <summary>True when problems are fatal in this environment.</summary>
    public bool Fatal { get; }

    public IReadOnlyList<SecretProblem> Problems { get; }

    public IReadOnlyList<SuppressedSecretProblem> Suppressed { get; }

    public bool IsClean => Problems.Count == 0;

    /// <summary>One line per problem for structured logs: <c>Jwt:SigningKey [too-short]</c>.</summary>
    public string[] ProblemSummaries() =>
        Problems.Select(p => $"{p.Key} [{SecretRuleNames.Of(p.Rule)}]").ToArray();

    /// <summary>The report for people, for the console and the log event.</summary>
    public string ToText(string? outcome = null)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        if (IsClean)
        {
            text.Append(culture, $"ProductionReady secret validation: no problems in environment '{Environment}'.");
        }
        else
        {
            text.Append(culture, $"ProductionReady secret validation: {Problems.Count} problem(s) in environment '{Environment}'");
            text.Append(outcome is null ? "." : $"; {outcome}.");
            for (var i = 0; i < Problems.Count; i++)
            {
                var p = Problems[i];
                text.AppendLine();
                text.Append(culture, $"  {i + 1}. {p.Key} [{SecretRuleNames.Of(p.Rule)}]");
                if (p.Length is { } length)
                {
                    text.Append(culture, $" (length {length}, fingerprint {p.Fingerprint})");
                }

                text.AppendLine();
                text.Append(culture, $"     {p.Message}").AppendLine();
                text.Append(culture, $"     What to do: {p.Hint}");
            }
        }

        foreach (var s in Suppressed)
        {
            text.AppendLine();
            text.Append(culture, $"  suppressed: {s.Key} [{SecretRuleNames.Of(s.Rule)}], because: {s.Reason}");
        }

        if (!IsClean)
        {
            text.AppendLine();
            text.Append("A rule can be switched off for one key, with a reason, under ProductionReady:Secrets:Suppressions (Key, Rule, Reason).");
        }

        return text.ToString();
    }

    /// <summary>
    /// The JSON form (<c>--validate-config --json</c>). Relaxed escaping: it goes to a terminal or a CI
    /// log, never into HTML, and the hints read better with plain quotes and angle brackets.
    /// </summary>
    public string ToJson() => ToJson(this, [], secretsEnabled: true, Environment);

    /// <summary>
    /// The dry run's JSON: the configuration problems (<c>configurationProblems</c>, key and message) and
    /// the secret report when it ran (<paramref name="report"/> is null when secret validation is off or
    /// the configuration problems kept it from running).
    /// </summary>
    public static string ToJson(SecretValidationReport? report, IReadOnlyList<ConfigurationProblem> configurationProblems, bool secretsEnabled, string environment)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("environment", environment);
            json.WriteBoolean("clean", configurationProblems.Count == 0 && (report is null || report.IsClean));
            json.WriteBoolean("enabled", secretsEnabled);
            json.WriteBoolean("fatal", report is { Fatal: true, IsClean: false } || configurationProblems.Count > 0);
            json.WriteNumber("problemCount", (report?.Problems.Count ?? 0) + configurationProblems.Count);
            json.WriteStartArray("configurationProblems");
            foreach (var c in configurationProblems)
            {
                json.WriteStartObject();
                json.WriteString("key", c.Key);
                json.WriteString("message", c.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("problems");
            foreach (var p in report?.Problems ?? [])
            {
                json.WriteStartObject();
                json.WriteString("key", p.Key);
                json.WriteString("rule", SecretRuleNames.Of(p.Rule));
                json.WriteString("message", p.Message);
                json.WriteString("hint", p.Hint);
                if (p.Length is { } length)
                {
                    json.WriteNumber("length", length);
                    json.WriteString("fingerprint", p.Fingerprint);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("suppressed");
            foreach (var s in report?.Suppressed ?? [])
            {
                json.WriteStartObject();
                json.WriteString("key", s.Key);
                json.WriteString("rule", SecretRuleNames.Of(s.Rule));
                json.WriteString("reason", s.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
