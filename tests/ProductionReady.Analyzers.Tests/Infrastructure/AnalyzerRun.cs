using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProductionReady.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs every analyzer over a compilation that need not compile, for what the verifier of <see cref="RuleTest"/>
/// does not do: scoring a corpus (precision and recall, not exact expectations) and feeding broken code as the
/// IDE does keystroke by keystroke. Any analyzer exception (the build's AD0001) fails the test.
/// </summary>
public static class AnalyzerRun
{
    /// <summary>The compilation of <paramref name="sources"/> (named Program.cs, File1.cs, …) with the implicit usings and references of <paramref name="kind"/>.</summary>
    public static CSharpCompilation Compile(ProjectKind kind, params string[] sources)
    {
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = sources
            .Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: i == 0 ? "Program.cs" : $"File{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(TestReferences.WebGlobalUsings, parseOptions, path: "GlobalUsings.g.cs"))
            .ToList();
        var hasTopLevelStatements = trees.Any(t => t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var outputKind = kind == ProjectKind.WebApp || hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        return CSharpCompilation.Create(
            kind == ProjectKind.TestProject ? "Sample.Tests" : "Sample",
            trees,
            TestReferences.For(kind),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Runs every analyzer; returns the diagnostics sorted by file and position; fails on any analyzer exception.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, IEnumerable<(string Path, string Text)>? additionalFiles = null)
    {
        var exceptions = new ConcurrentBag<string>();
        var files = (additionalFiles ?? Array.Empty<(string, string)>())
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))
            .ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(files),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(RuleTest.AllAnalyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        var all = await withAnalyzers.GetAllDiagnosticsAsync().ConfigureAwait(false);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        return diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
