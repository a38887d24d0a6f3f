using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ProductionReady.Analyzers.Tests.Infrastructure;

/// <summary>What a project under test is: a web app (executable), a library, or a test project.</summary>
public enum ProjectKind
{
    WebApp,
    Library,
    TestProject,
}

/// <summary>
/// Compiles C# source with the real reference set of an ASP.NET Core app (the shared frameworks of this test
/// host, Npgsql) and runs analyzers through <see cref="CompilationWithAnalyzers"/>. Any analyzer exception
/// (what the build would report as AD0001) fails the test.
/// </summary>
public static class AnalyzerHarness
{
    /// <summary>Every analyzer in the package.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new HardcodedCredentialAnalyzer(),
        new ConfigurationFileCredentialAnalyzer(),
        new HealthProbeAnalyzer(),
        new LivenessDependencyAnalyzer(),
        new HealthCheckClientPerRunAnalyzer(),
        new SecretOptionsValidationAnalyzer(),
        new LoggedCredentialAnalyzer());

    /// <summary>Stands in for the runtime package's <c>[Secret]</c> attribute (matched by metadata name).</summary>
    public const string SecretAttributeSource = """
        namespace ProductionReady
        {
            [System.AttributeUsage(System.AttributeTargets.Property)]
            public sealed class SecretAttribute : System.Attribute { }
        }
        """;

    /// <summary>The implicit usings of a web project.</summary>
    public const string WebGlobalUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> PlatformReferences = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith("xunit", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    private static readonly MetadataReference XunitReference = MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);

    /// <summary>The references a compilation of the given kind gets.</summary>
    public static ImmutableArray<MetadataReference> References(ProjectKind kind)
        => kind == ProjectKind.TestProject ? PlatformReferences.Value.Add(XunitReference) : PlatformReferences.Value;

    /// <summary>Builds the compilation: the sources plus the web project's implicit usings and the [Secret] stand-in.</summary>
    public static CSharpCompilation Compile(ProjectKind kind, params string[] sources)
    {
        var trees = sources
            .Select((s, i) => CSharpSyntaxTree.ParseText(s, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: i == 0 ? "Program.cs" : $"File{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(WebGlobalUsings, path: "GlobalUsings.g.cs"))
            .Append(CSharpSyntaxTree.ParseText(SecretAttributeSource, path: "SecretAttribute.cs"))
            .ToList();

        // Snippets with top-level statements are console programs; a web app is an executable anyway.
        var hasTopLevelStatements = trees.Any(t => t.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any());
        var outputKind = kind == ProjectKind.WebApp || hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        return CSharpCompilation.Create(
            kind == ProjectKind.TestProject ? "Sample.Tests" : "Sample",
            trees,
            References(kind),
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Runs <paramref name="analyzers"/> and returns their diagnostics, sorted by position; fails on any analyzer exception.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        IEnumerable<(string Path, string Text)>? additionalFiles = null)
    {
        var exceptions = new ConcurrentBag<string>();
        var files = (additionalFiles ?? Array.Empty<(string, string)>())
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))
            .ToImmutableArray();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(files),
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        var all = await withAnalyzers.GetAllDiagnosticsAsync().ConfigureAwait(false);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        return diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>Compiles (asserting the code compiles) and analyzes with every analyzer.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(ProjectKind kind, params string[] sources)
    {
        var compilation = Compile(kind, sources);
        AssertCompiles(compilation);
        return await AnalyzeAsync(compilation, AllAnalyzers).ConfigureAwait(false);
    }

    /// <summary>
    /// Verifies that the diagnostics with <paramref name="id"/> are exactly at the <c>[|…|]</c> spans of the
    /// markup (the first source), and returns them.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string id, ProjectKind kind, string markup, params string[] otherSources)
    {
        var (source, spans) = Markup.Parse(markup);
        var diagnostics = await AnalyzeAsync(kind, new[] { source }.Concat(otherSources).ToArray()).ConfigureAwait(false);
        var actual = diagnostics.Where(d => d.Id == id && d.Location.SourceTree?.FilePath == "Program.cs").Select(d => Describe(source, d.Location.SourceSpan));
        Assert.Equal(spans.Select(s => Describe(source, s)), actual);
        return diagnostics.Where(d => d.Id == id).ToImmutableArray();
    }

    /// <summary>Fails with the compiler's errors when the source does not compile.</summary>
    public static void AssertCompiles(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile:\n" + string.Join("\n", errors));
    }

    private static string Describe(string source, TextSpan span)
    {
        var line = source.Take(span.Start).Count(c => c == '\n') + 1;
        return $"line {line} [{span.Start}..{span.End}) {source.Substring(span.Start, span.Length)}";
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}

/// <summary><c>[|…|]</c> markup: the source without the markers, and the marked spans.</summary>
public static class Markup
{
    public static (string Source, List<TextSpan> Spans) Parse(string markup)
    {
        var source = new StringBuilder(markup.Length);
        var spans = new List<TextSpan>();
        var starts = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (i + 1 < markup.Length && markup[i] == '[' && markup[i + 1] == '|')
            {
                starts.Push(source.Length);
                i++;
            }
            else if (i + 1 < markup.Length && markup[i] == '|' && markup[i + 1] == ']' && starts.Count > 0)
            {
                var start = starts.Pop();
                spans.Add(TextSpan.FromBounds(start, source.Length));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        return (source.ToString(), spans.OrderBy(s => s.Start).ToList());
    }
}
