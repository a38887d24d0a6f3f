using Microsoft.CodeAnalysis;

namespace ProductionReady.Analyzers.Tests.Infrastructure;

/// <summary>Runs every analyzer over one configuration file beside an empty program (PRD002 and PRD008).</summary>
public static class ConfigurationFileRun
{
    /// <summary>The diagnostics reported for the file: rule, place as <c>path(line,column)-(line,column)</c>, message.</summary>
    public static async Task<List<(string Id, string Where, string Message)>> AnalyzeAsync(string path, string json)
    {
        var compilation = AnalyzerRun.Compile(ProjectKind.Library, "class C { }");
        var diagnostics = await AnalyzerRun.AnalyzeAsync(compilation, new[] { (path, json) });
        return diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return (d.Id, $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})",
                d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
    }
}
