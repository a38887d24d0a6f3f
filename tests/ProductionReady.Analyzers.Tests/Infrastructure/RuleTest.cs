using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ProductionReady.Analyzers.Tests.Infrastructure;

/// <summary>
/// The analyzer and code-fix verifier of Microsoft.CodeAnalysis.Testing, set up as a ProductionReady user's
/// project: the references of <see cref="TestReferences"/>, a web project's implicit usings, nullable enabled,
/// the latest language version, every ProductionReady analyzer running at once (as in a real build, so rules
/// cannot hide each other's exceptions). Markup: <c>{|PRD001:…|}</c> names the rule; <c>[|…|]</c> stands for
/// <see cref="DefaultId"/>. <c>$$</c> is code (raw interpolated strings), not a caret.
/// </summary>
public sealed class RuleTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    /// <summary>Every analyzer in the package.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> AllAnalyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new HardcodedCredentialAnalyzer(),
        new ConfigurationFileCredentialAnalyzer(),
        new HealthProbeAnalyzer(),
        new LivenessDependencyAnalyzer(),
        new HealthCheckClientPerRunAnalyzer(),
        new SecretOptionsValidationAnalyzer(),
        new LoggedCredentialAnalyzer(),
        new PermissiveCorsAnalyzer(),
        new UnlimitedAuthenticationEndpointAnalyzer(),
        new TrustsEveryProxyAnalyzer(),
        new EndpointsBeforeRateLimiterAnalyzer());

    private const string GlobalUsingsPath = "/0/GlobalUsings.g.cs";

    public RuleTest(ProjectKind kind, string? defaultId = null)
    {
        // PRD003 and PRD007 are compilation-end diagnostics by nature (no probe anywhere in the program; no
        // ValidateOnStart anywhere for the options type), so their fixes are for non-local diagnostics.
        CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        Kind = kind;
        DefaultId = defaultId;

        // No reference-assembly package: TestReferences supplies the SDK's packs from disk.
        ReferenceAssemblies = new ReferenceAssemblies($"net{Environment.Version.Major}.{Environment.Version.Minor}");
        TestState.AdditionalReferences.AddRange(TestReferences.For(kind));
        if (kind == ProjectKind.TestProject)
        {
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestReferences.TestProjectGlobalConfig));
        }

        MarkupOptions = MarkupOptions.TreatPositionIndicatorsAsCode;
        SolutionTransforms.Add(ConfigureProject);
    }

    /// <summary>The kind of project the sources form.</summary>
    public ProjectKind Kind { get; }

    /// <summary>The rule <c>[|…|]</c> markup stands for; <see langword="null"/> when the markup names each rule.</summary>
    public string? DefaultId { get; }

    /// <summary>The analyzers that run; every ProductionReady analyzer unless narrowed.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; init; } = AllAnalyzers;

    /// <summary>The code fixes offered.</summary>
    public ImmutableArray<CodeFixProvider> CodeFixes { get; init; } = ImmutableArray<CodeFixProvider>.Empty;

    /// <summary>Whether the web project's implicit usings are part of the project (a project may disable them).</summary>
    public bool ImplicitUsings { get; init; } = true;

    /// <summary>Verifies the diagnostics of <paramref name="markup"/> for rule <paramref name="id"/>, with other rules' diagnostics ignored.</summary>
    public static Task VerifyAsync(string id, ProjectKind kind, string markup, params string[] otherSources)
        => VerifyOnlyAsync(new[] { id }, kind, markup, otherSources);

    /// <summary>Verifies the diagnostics of the given rules; every other rule's diagnostics are ignored.</summary>
    public static Task VerifyOnlyAsync(string[] ids, ProjectKind kind, string markup, params string[] otherSources)
    {
        var test = new RuleTest(kind, ids.Length == 1 ? ids[0] : null) { TestCode = markup };
        foreach (var source in otherSources)
        {
            test.TestState.Sources.Add(source);
        }

        test.DisabledDiagnostics.AddRange(AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Except(ids));
        return test.RunAsync();
    }

    /// <summary>Verifies that <paramref name="source"/> compiles and no rule reports anything.</summary>
    public static Task VerifyNoneAsync(ProjectKind kind, string source, params string[] otherSources)
    {
        var test = new RuleTest(kind) { TestCode = source };
        foreach (var other in otherSources)
        {
            test.TestState.Sources.Add(other);
        }

        return test.RunAsync();
    }

    /// <inheritdoc />
    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;

    /// <inheritdoc />
    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => CodeFixes;

    /// <inheritdoc />
    protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers)
        => DefaultId is null
            ? null
            : analyzers.SelectMany(a => a.SupportedDiagnostics).First(d => d.Id == DefaultId);

    /// <inheritdoc />
    protected override async Task RunImplAsync(CancellationToken cancellationToken)
    {
        if (ImplicitUsings)
        {
            // Every state compared gets the same generated file, as the SDK adds it to every build.
            TestState.Sources.Add((GlobalUsingsPath, TestReferences.WebGlobalUsings));
            if (FixedState.Sources.Count > 0)
            {
                FixedState.Sources.Add((GlobalUsingsPath, TestReferences.WebGlobalUsings));
            }

            if (BatchFixedState.Sources.Count > 0)
            {
                BatchFixedState.Sources.Add((GlobalUsingsPath, TestReferences.WebGlobalUsings));
            }
        }

        await base.RunImplAsync(cancellationToken).ConfigureAwait(false);
    }

    private Solution ConfigureProject(Solution solution, ProjectId projectId)
    {
        var project = solution.GetProject(projectId)!;

        // A web app is an executable; so is any snippet with top-level statements (else it would not compile).
        var hasTopLevelStatements = project.Documents
            .Select(d => d.GetSyntaxRootAsync().GetAwaiter().GetResult())
            .Any(root => root!.ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var outputKind = Kind == ProjectKind.WebApp || hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var options = ((CSharpCompilationOptions)project.CompilationOptions!)
            .WithOutputKind(outputKind)
            .WithNullableContextOptions(NullableContextOptions.Enable);
        var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest);
        return solution
            .WithProjectCompilationOptions(projectId, options)
            .WithProjectParseOptions(projectId, parseOptions)
            .WithProjectAssemblyName(projectId, Kind == ProjectKind.TestProject ? "Sample.Tests" : "Sample");
    }
}
