using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionReady.Analyzers;

namespace ProductionReady.Benchmarks.Analyzers;

/// <summary>
/// The CPU work of PRD001's syntax path (<see cref="LiteralCredentialJudge"/> without the semantic model) over every
/// string literal and interpolated string of a C# code base, single-threaded and with nothing else running. The harness
/// on real code (docs/analyzers-on-real-code.md) measures the analyzer inside a compilation, where its callbacks share
/// two cores with the compiler's own binding threads and its garbage collections; this is the part that is ours.
/// Sources: the directory in PRD_BENCH_SOURCES (test folders and EF Migrations left out, as the harness does), by
/// default this repository's src/ and analyzers/.
/// </summary>
[MemoryDiagnoser]
public class LiteralJudgeBenchmarks
{
    private readonly List<ExpressionSyntax> _strings = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Environment.GetEnvironmentVariable("PRD_BENCH_SOURCES") ?? RepositoryRoot();
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(IsProductCode))
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), options, path: file);
            _strings.AddRange(tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>().Where(e =>
                e.IsKind(SyntaxKind.StringLiteralExpression) || e.IsKind(SyntaxKind.Utf8StringLiteralExpression) || e.IsKind(SyntaxKind.InterpolatedStringExpression)));
        }

        Console.WriteLine($"// {_strings.Count} string literals and interpolated strings under {root}");
    }

    /// <summary>Judges every string of the code base once; returns the number of findings.</summary>
    [Benchmark]
    public int JudgeEveryString()
    {
        var found = 0;
        foreach (var expression in _strings)
        {
            var credential = expression is LiteralExpressionSyntax literal
                ? LiteralCredentialJudge.JudgeLiteral(literal, model: null, CancellationToken.None)
                : LiteralCredentialJudge.JudgeInterpolated((InterpolatedStringExpressionSyntax)expression, model: null, CancellationToken.None);
            found += credential is null ? 0 : 1;
        }

        return found;
    }

    private static bool IsProductCode(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return !parts.Any(p => p is "bin" or "obj" or "Migrations" or "test" or "tests" || p.EndsWith(".Tests", StringComparison.Ordinal) || p.EndsWith("UnitTests", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ProductionReady.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Set PRD_BENCH_SOURCES to a directory of C# sources.");
    }
}
