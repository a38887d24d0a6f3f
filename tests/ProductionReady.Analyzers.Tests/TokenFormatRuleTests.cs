using Microsoft.CodeAnalysis;
using ProductionReady.Analyzers.Tests.Infrastructure;
using ProductionReady.TestSupport;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// PRD001 on every token format of the runtime's table (<see cref="TokenFormatSamples"/>): each format's value in a
/// string literal is reported, by its kind, wherever the literal is; each look-alike is not. One compilation per
/// direction, one file per format.
/// </summary>
public sealed class TokenFormatRuleTests
{
    private const string Id = "PRD001";

    [Fact]
    public async Task Every_format_in_a_string_literal_is_a_hardcoded_credential()
    {
        var diagnostics = await AnalyzeAsync(TokenFormatSamples.Live.Select(s => s.Text).ToList());
        var missed = new List<string>();
        for (var i = 0; i < TokenFormatSamples.Live.Count; i++)
        {
            var sample = TokenFormatSamples.Live[i];
            var found = diagnostics.Where(d => d.Id == Id && d.Location.SourceTree!.FilePath == FileName(i)).ToList();
            if (!found.Any(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(sample.Kind, StringComparison.OrdinalIgnoreCase)))
            {
                missed.Add($"{sample}: {string.Join("; ", found.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))}");
            }
        }

        Assert.True(missed.Count == 0, "Not reported as their kind:\n" + string.Join("\n", missed));
    }

    // Where the text around names the value a credential (AccountKey=, password=, a query's token=), any value is one.
    [Fact]
    public async Task No_lookalike_is_reported()
    {
        var diagnostics = await AnalyzeAsync(TokenFormatSamples.Live.Select(s => s.LookalikeText).ToList());
        var reported = diagnostics.Where(d => d.Id == Id && !TokenFormatSamples.Live[Index(d.Location.SourceTree!.FilePath)].KeywordMakesCredential)
            .Select(d => $"{TokenFormatSamples.Live[Index(d.Location.SourceTree!.FilePath)]}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        Assert.True(reported.Count == 0, "Look-alikes reported:\n" + string.Join("\n", reported));
    }

    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(IReadOnlyList<string> texts)
    {
        // A raw string literal holds every sample as it is (quotes, backslashes, line breaks); the method's name says nothing.
        var sources = texts.Select((text, i) => $"static class Sample{i}\n{{\n    public static string Value() => \"\"\"\"\n{text}\n\"\"\"\";\n}}\n").ToList();
        var compilation = AnalyzerRun.Compile(ProjectKind.Library, ["public static class Anchor { }", .. sources]);
        return await AnalyzerRun.AnalyzeAsync(compilation);
    }

    // AnalyzerRun names the first source Program.cs and the others File1.cs, File2.cs, …; the first is the anchor.
    private static string FileName(int index) => $"File{index + 1}.cs";

    private static int Index(string path) => int.Parse(path["File".Length..^".cs".Length], System.Globalization.CultureInfo.InvariantCulture) - 1;
}
