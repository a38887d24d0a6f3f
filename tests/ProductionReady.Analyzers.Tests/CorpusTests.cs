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
        var (falsePositives, falseNegatives) = await ScoreAsync("Tuning corpus", new[] { "Startup.cs.txt", "Services.cs.txt", "Infrastructure.cs.txt" }, "appsettings.json");
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
        var (falsePositives, falseNegatives) = await ScoreAsync("Held-out corpus", new[] { "HeldOut/DataAccess.cs.txt" }, "HeldOut/appsettings.Production.json");
        Assert.True(falsePositives <= HeldOutFalsePositives, $"{falsePositives} false positives");
        Assert.True(falseNegatives <= HeldOutFalseNegatives, $"{falseNegatives} false negatives");
    }

    /// <summary>The <c>[|…|]</c> markup of the corpus, read by the testing library's own parser.</summary>
    private static (string Source, List<TextSpan> Spans) Parse(string markup)
    {
        TestFileMarkupParser.GetSpans(markup, out var source, out ImmutableArray<TextSpan> spans);
        return (source, spans.OrderBy(s => s.Start).ToList());
    }

    private const int HeldOutFalsePositives = 0;
    private const int HeldOutFalseNegatives = 0;

    private async Task<(int FalsePositives, int FalseNegatives)> ScoreAsync(string title, string[] files, string jsonFile)
    {
        var sources = files.Select(n => (Name: n, Markup: Parse(Load(n)))).ToList();
        var json = Parse(Load(jsonFile));

        var compilation = AnalyzerRun.Compile(ProjectKind.WebApp, sources.Select(s => s.Markup.Source).ToArray());
        var diagnostics = await AnalyzerRun.AnalyzeAsync(compilation, new[] { ("/app/appsettings.json", json.Source) });

        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var report = new List<string>();
        for (var i = 0; i < sources.Count; i++)
        {
            var path = i == 0 ? "Program.cs" : $"File{i}.cs";
            var found = diagnostics.Where(d => d.Id == "PRD001" && d.Location.SourceTree?.FilePath == path).Select(d => d.Location.SourceSpan).ToList();
            Score(sources[i].Name, sources[i].Markup.Source, sources[i].Markup.Spans, found, exact: true);
        }

        var inJson = diagnostics.Where(d => d.Id == "PRD002").Select(d => d.Location.SourceSpan).ToList();
        Score(jsonFile, json.Source, json.Spans, inJson, exact: false);

        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        output.WriteLine($"{title}, PRD001+PRD002: {truePositives} true positives, {falsePositives} false positives, {falseNegatives} false negatives; precision {precision:P1}, recall {recall:P1}");
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
