using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using ProductionReady.Analyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// Precision and recall of PRD001/PRD002 on a corpus of realistic service code and configuration
/// (Corpus/): every <c>[|…|]</c> span is a credential that must be found, everything else must stay quiet.
/// Fake credentials are substituted at run time from <see cref="FakeCredentials"/>.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Substitutions = new()
    {
        ["{{PASSWORD}}"] = FakeCredentials.Password,
        ["{{PASSWORD2}}"] = FakeCredentials.OtherPassword,
        ["{{KEY}}"] = FakeCredentials.SigningKey,
        ["{{AWS}}"] = FakeCredentials.AwsAccessKey,
        ["{{GITHUB}}"] = FakeCredentials.GitHubToken,
        ["{{SLACK}}"] = FakeCredentials.SlackToken,
        ["{{STRIPE}}"] = FakeCredentials.StripeLiveKey,
        ["{{GOOGLE}}"] = FakeCredentials.GoogleApiKey,
        ["{{PEM}}"] = FakeCredentials.PrivateKeyPem,
        ["{{JWT}}"] = FakeCredentials.Jwt,
        ["{{ENTRA}}"] = FakeTokens.EntraClientSecret,
        ["{{STORAGEKEY}}"] = FakeTokens.StorageAccountKey,
        ["{{SAS}}"] = FakeTokens.SasSignature,
        ["{{SBKEY}}"] = FakeTokens.SharedAccessKey,
        ["{{APPCONFIGSECRET}}"] = FakeTokens.AppConfigurationSecret,
        ["{{DEVOPSPAT}}"] = FakeTokens.DevOpsPat,
        ["{{ACR}}"] = FakeTokens.ContainerRegistryPassword,
        ["{{AWSSECRET}}"] = FakeTokens.AwsSecretAccessKey,
        ["{{GITHUBPAT}}"] = FakeTokens.GitHubFineGrainedPat,
        ["{{GITHUBOAUTH}}"] = FakeTokens.GitHubOAuthToken,
        ["{{GITLAB}}"] = FakeTokens.GitLabPat,
        ["{{NUGET}}"] = FakeTokens.NuGetApiKey,
        ["{{NPM}}"] = FakeTokens.NpmToken,
        ["{{PYPI}}"] = FakeTokens.PyPiToken,
        ["{{SENDGRID}}"] = FakeTokens.SendGridKey,
        ["{{TWILIO}}"] = FakeTokens.TwilioApiKey,
        ["{{SLACKHOOK}}"] = FakeTokens.SlackWebhook,
        ["{{TEAMSHOOK}}"] = FakeTokens.TeamsWebhook,
        ["{{MAILGUN}}"] = FakeTokens.MailgunKey,
        ["{{STRIPERK}}"] = FakeTokens.StripeRestrictedKey,
        ["{{GOCSPX}}"] = FakeTokens.GoogleOAuthClientSecret,
        ["{{OPENAI}}"] = FakeTokens.OpenAiKey,
        ["{{ANTHROPIC}}"] = FakeTokens.AnthropicKey,
        ["{{HF}}"] = FakeTokens.HuggingFaceToken,
        ["{{SENTRY}}"] = FakeTokens.SentryUserToken,
        ["{{NEWRELIC}}"] = FakeTokens.NewRelicUserKey,
        ["{{GRAFANA}}"] = FakeTokens.GrafanaServiceAccountToken,
        ["{{VAULT}}"] = FakeTokens.VaultToken,
        ["{{DATADOG}}"] = FakeTokens.DatadogApiKey,
        ["{{JWKD}}"] = FakeTokens.JwkPrivateExponent,
        ["{{JWKN}}"] = FakeTokens.JwkModulus,
        ["{{AESHEX}}"] = FakeTokens.AesKeyHex,
        ["{{BASIC}}"] = FakeTokens.BasicAuthValue,
        ["{{COSMOSEMULATOR}}"] = FakeTokens.CosmosEmulatorKey,
        ["{{AZURITE}}"] = FakeTokens.AzuriteKey,
    };

    private static string Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", name));
        foreach (var (placeholder, value) in Substitutions)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return text;
    }

    [Fact]
    public async Task Finds_every_credential_of_the_corpus_without_false_positives()
    {
        var (falsePositives, falseNegatives) = await ScoreAsync("Tuning corpus", new[] { "Startup.cs.txt", "Services.cs.txt", "Infrastructure.cs.txt" }, new[] { "appsettings.json" });
        Assert.Equal(0, falsePositives);
        Assert.Equal(0, falseNegatives);
    }

    /// <summary>
    /// The held-out corpus was written after the analyzers were tuned on the corpus above and measured once
    /// as it is; its figures are the ones the README reports. The thresholds pin them so they cannot regress.
    /// </summary>
    [Fact]
    public async Task Held_out_corpus_keeps_its_measured_precision_and_recall()
    {
        var (falsePositives, falseNegatives) = await ScoreAsync("Held-out corpus", new[] { "HeldOut/DataAccess.cs.txt" }, new[] { "HeldOut/appsettings.Production.json" });
        Assert.True(falsePositives <= HeldOutFalsePositives, $"{falsePositives} false positives");
        Assert.True(falseNegatives <= HeldOutFalseNegatives, $"{falseNegatives} false negatives");
    }

    /// <summary>
    /// The second held-out set (Corpus/HeldOut/Issue13): the forms and token formats of issue 13 and the false-positive
    /// classes seen on real code, written before any detection change and measured once blind (figures in
    /// docs/analyzers-on-real-code.md). The thresholds pin what the tuned analyzers reach.
    /// </summary>
    [Fact]
    public async Task Issue13_held_out_corpus_keeps_its_measured_precision_and_recall()
    {
        var (falsePositives, falseNegatives) = await ScoreAsync(
            "Held-out corpus (issue 13)",
            new[] { "HeldOut/Issue13/Integrations.cs.txt", "HeldOut/Issue13/Identity.cs.txt" },
            new[] { "HeldOut/Issue13/appsettings.Production.json", "HeldOut/Issue13/appsettings.Development.json" });
        Assert.True(falsePositives <= Issue13FalsePositives, $"{falsePositives} false positives");
        Assert.True(falseNegatives <= Issue13FalseNegatives, $"{falseNegatives} false negatives");
    }

    /// <summary>
    /// The third held-out set (Corpus/HeldOut/Blind3): service code and a production settings file written by someone who
    /// had not read the analyzers, their tests or the earlier corpora, labelled in Blind3/LABELS.md, and measured once
    /// blind (43 found, 0 false positives, 7 missed: figures in docs/analyzers-on-real-code.md). The seven misses were
    /// fixed as classes afterwards; the thresholds pin that (the set is no longer held out).
    /// </summary>
    [Fact]
    public async Task Blind3_held_out_corpus_keeps_its_measured_precision_and_recall()
    {
        var (falsePositives, falseNegatives) = await ScoreAsync(
            "Held-out corpus 3 (blind)",
            new[] { "HeldOut/Blind3/Services.cs.txt", "HeldOut/Blind3/Data.cs.txt", "HeldOut/Blind3/Hosting.cs.txt" },
            new[] { "HeldOut/Blind3/appsettings.Production.json" });
        Assert.True(falsePositives <= Blind3FalsePositives, $"{falsePositives} false positives");
        Assert.True(falseNegatives <= Blind3FalseNegatives, $"{falseNegatives} false negatives");
    }

    private const int Blind3FalsePositives = 0;
    private const int Blind3FalseNegatives = 0;

    private const int Issue13FalsePositives = 0;
    private const int Issue13FalseNegatives = 0;

    /// <summary>The <c>[|…|]</c> markup of the corpus, read by the testing library's own parser.</summary>
    private static (string Source, List<TextSpan> Spans) Parse(string markup)
    {
        // "$$" is the parser's caret marker, and also how a C# raw interpolated string starts: hidden from the parser
        // behind two characters of the same length, so the spans stay where they are.
        TestFileMarkupParser.GetSpans(markup.Replace("$$", "\u00a7\u00a7", StringComparison.Ordinal), out var source, out ImmutableArray<TextSpan> spans);
        return (source.Replace("\u00a7\u00a7", "$$", StringComparison.Ordinal), spans.OrderBy(s => s.Start).ToList());
    }

    private const int HeldOutFalsePositives = 0;
    private const int HeldOutFalseNegatives = 0;

    private async Task<(int FalsePositives, int FalseNegatives)> ScoreAsync(string title, string[] files, string[] jsonFiles)
    {
        var sources = files.Select(n => (Name: n, Markup: Parse(Load(n)))).ToList();
        var jsons = jsonFiles.Select(n => (Name: n, Path: "/app/" + Path.GetFileName(n), Markup: Parse(Load(n)))).ToList();

        var compilation = AnalyzerRun.Compile(ProjectKind.WebApp, sources.Select(s => s.Markup.Source).ToArray());
        var diagnostics = await AnalyzerRun.AnalyzeAsync(compilation, jsons.Select(j => (j.Path, j.Markup.Source)));

        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var report = new List<string>();
        for (var i = 0; i < sources.Count; i++)
        {
            var path = i == 0 ? "Program.cs" : $"File{i}.cs";
            var found = diagnostics.Where(d => d.Id == "PRD001" && d.Location.SourceTree?.FilePath == path).Select(d => d.Location.SourceSpan).ToList();
            Score(sources[i].Name, sources[i].Markup.Source, sources[i].Markup.Spans, found, exact: true);
        }

        foreach (var json in jsons)
        {
            var inJson = diagnostics.Where(d => d.Id == "PRD002" && d.Location.GetLineSpan().Path == json.Path).Select(d => d.Location.SourceSpan).ToList();
            Score(json.Name, json.Markup.Source, json.Markup.Spans, inJson, exact: false);
        }

        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        var f1 = 2 * precision * recall / (precision + recall);
        output.WriteLine($"{title}, PRD001+PRD002: {truePositives} true positives, {falsePositives} false positives, {falseNegatives} false negatives; precision {precision:P1}, recall {recall:P1}, F1 {f1:F3}");
        foreach (var line in report)
        {
            output.WriteLine(line);
        }

        return (falsePositives, falseNegatives);

        void Score(string name, string source, List<TextSpan> expected, List<TextSpan> actual, bool exact)
        {
            foreach (var span in expected)
            {
                if (actual.Any(a => exact ? a == span : span.Contains(a)))
                {
                    truePositives++;
                }
                else
                {
                    falseNegatives++;
                    report.Add($"missed in {name}: {source.Substring(span.Start, Math.Min(span.Length, 60))}");
                }
            }

            foreach (var span in actual.Where(a => !expected.Any(e => exact ? a == e : e.Contains(a))))
            {
                falsePositives++;
                report.Add($"false positive in {name}: {source.Substring(span.Start, Math.Min(span.Length, 60))}");
            }
        }
    }
}
