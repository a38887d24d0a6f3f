using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>Code fixes through the Workspaces API: a real <see cref="AdhocWorkspace"/> document, the fix applied, the result re-analyzed.</summary>
public sealed class CodeFixTests
{
    private static async Task<string> ApplyFixAsync(string source, string diagnosticId, CodeFixProvider provider, bool withImplicitUsings = true)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("App", "App", LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable))
            .WithMetadataReferences(AnalyzerHarness.References(ProjectKind.WebApp));
        if (withImplicitUsings)
        {
            project = project.AddDocument("GlobalUsings.g.cs", AnalyzerHarness.WebGlobalUsings).Project;
        }

        project = project.AddDocument("Stub.cs", HealthProbeTests.ProductionReadyStub + "\n" + AnalyzerHarness.SecretAttributeSource).Project;
        var document = project.AddDocument("Program.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation, AnalyzerHarness.AllAnalyzers);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == diagnosticId);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        var action = Assert.Single(actions);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        var fixedDocument = changed.GetDocument(document.Id)!;

        // The fixed code compiles and the diagnostic is gone.
        var fixedCompilation = (await fixedDocument.Project.GetCompilationAsync())!;
        AnalyzerHarness.AssertCompiles(fixedCompilation);
        var after = await AnalyzerHarness.AnalyzeAsync(fixedCompilation, AnalyzerHarness.AllAnalyzers);
        Assert.DoesNotContain(after, d => d.Id == diagnosticId);
        return (await fixedDocument.GetTextAsync()).ToString();
    }

    [Fact]
    public async Task Inserts_UseProductionReady_before_Run_keeping_comments_and_indentation()
    {
        var source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "hello");

            // Start serving.
            app.Run();

            """;
        var expected = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "hello");

            // Start serving.
            app.UseProductionReady();
            app.Run();

            """;
        Assert.Equal(expected, await ApplyFixAsync(source, "PRD003", new AddUseProductionReadyCodeFixProvider()));
    }

    [Fact]
    public async Task Inserts_before_await_RunAsync_inside_a_method_and_adds_the_using_when_needed()
    {
        var source = """
            using Microsoft.AspNetCore.Builder;

            public static class Program
            {
                public static async System.Threading.Tasks.Task Main(string[] args)
                {
                    var app = WebApplication.Create(args);
                    await app.RunAsync();
                }
            }
            """;
        var expected = """
            using Microsoft.AspNetCore.Builder;

            public static class Program
            {
                public static async System.Threading.Tasks.Task Main(string[] args)
                {
                    var app = WebApplication.Create(args);
                    app.UseProductionReady();
                    await app.RunAsync();
                }
            }
            """;
        Assert.Equal(expected, await ApplyFixAsync(source, "PRD003", new AddUseProductionReadyCodeFixProvider(), withImplicitUsings: false));

        var withoutUsing = await ApplyFixAsync(
            "public static class Program { public static void Main(string[] args) { var app = Microsoft.AspNetCore.Builder.WebApplication.Create(args); app.Run(); } }",
            "PRD003",
            new AddUseProductionReadyCodeFixProvider(),
            withImplicitUsings: false);
        Assert.StartsWith("using Microsoft.AspNetCore.Builder;", withoutUsing);
        Assert.Contains("app.UseProductionReady();", withoutUsing);
    }

    [Fact]
    public async Task Chains_ValidateOnStart_onto_the_options_builder()
    {
        var source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOptions<PaymentOptions>()
                .BindConfiguration("Payments")
                .ValidateDataAnnotations();
            builder.Build().UseProductionReady();

            public sealed class PaymentOptions { [ProductionReady.Secret] public string ApiKey { get; set; } = ""; }
            """;
        var expected = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOptions<PaymentOptions>()
                .BindConfiguration("Payments")
                .ValidateDataAnnotations().ValidateOnStart();
            builder.Build().UseProductionReady();

            public sealed class PaymentOptions { [ProductionReady.Secret] public string ApiKey { get; set; } = ""; }
            """;
        Assert.Equal(expected, await ApplyFixAsync(source, "PRD007", new AddValidateOnStartCodeFixProvider()));
    }

    [Fact]
    public void Providers_fix_the_ids_they_claim()
    {
        Assert.Equal(new[] { "PRD003" }, new AddUseProductionReadyCodeFixProvider().FixableDiagnosticIds);
        Assert.Equal(new[] { "PRD007" }, new AddValidateOnStartCodeFixProvider().FixableDiagnosticIds);
        Assert.NotNull(new AddUseProductionReadyCodeFixProvider().GetFixAllProvider());
    }
}
