using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// Code fixes on the code-fix verifier: the fix applied one diagnostic at a time and through Fix All (document,
/// project and solution scope), each in the stated number of iterations, the result compared to the expected
/// code and re-analyzed (no diagnostic of the rule left, no compiler error).
/// </summary>
public sealed class CodeFixTests
{
    private static RuleTest FixTest(string id, CodeFixProvider provider, string source, string fixedSource, ProjectKind kind = ProjectKind.WebApp, bool implicitUsings = true, int diagnostics = 1)
    {
        var test = new RuleTest(kind, id)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeFixes = ImmutableArray.Create(provider),
            ImplicitUsings = implicitUsings,
            // One at a time: one iteration per diagnostic. Fix All: every diagnostic in one pass.
            NumberOfIncrementalIterations = diagnostics,
            NumberOfFixAllIterations = 1,
        };
        test.DisabledDiagnostics.AddRange(RuleTest.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Where(d => d != id));
        return test;
    }

    [Fact]
    public async Task Inserts_AddProductionReady_and_UseProductionReady_keeping_comments_and_indentation()
        => await FixTest("PRD003", new AddUseProductionReadyCodeFixProvider(), """
            var builder = WebApplication.CreateBuilder(args);
            // Build the app.
            var app = builder.Build();
            app.MapGet("/", () => "hello");

            // Start serving.
            [|app.Run()|];

            """, """
            var builder = WebApplication.CreateBuilder(args);
            // Build the app.
            builder.AddProductionReady();
            var app = builder.Build();
            app.MapGet("/", () => "hello");

            // Start serving.
            app.UseProductionReady();
            app.Run();

            """).RunAsync();

    [Fact]
    public async Task Inserts_only_UseProductionReady_when_the_services_are_registered()
        => await FixTest("PRD003", new AddUseProductionReadyCodeFixProvider(), """
            var builder = WebApplication.CreateBuilder(args);
            builder.AddProductionReady();
            var app = builder.Build();
            [|app.Run()|];
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.AddProductionReady();
            var app = builder.Build();
            app.UseProductionReady();
            app.Run();
            """).RunAsync();

    [Fact]
    public async Task Registers_the_services_on_a_builder_without_a_variable()
        => await FixTest("PRD003", new AddUseProductionReadyCodeFixProvider(), """
            var app = WebApplication.CreateBuilder(args).Build();
            [|app.Run()|];
            """, """
            var app = WebApplication.CreateBuilder(args).AddProductionReady().Build();
            app.UseProductionReady();
            app.Run();
            """).RunAsync();

    [Fact]
    public async Task Turns_WebApplication_Create_into_a_builder_inside_a_method_and_adds_the_using_when_needed()
    {
        await FixTest("PRD003", new AddUseProductionReadyCodeFixProvider(), """
            using Microsoft.AspNetCore.Builder;

            public static class Program
            {
                public static async System.Threading.Tasks.Task Main(string[] args)
                {
                    var app = WebApplication.Create(args);
                    await [|app.RunAsync()|];
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;

            public static class Program
            {
                public static async System.Threading.Tasks.Task Main(string[] args)
                {
                    var app = WebApplication.CreateBuilder(args).AddProductionReady().Build();
                    app.UseProductionReady();
                    await app.RunAsync();
                }
            }
            """, implicitUsings: false).RunAsync();

        await FixTest(
            "PRD003",
            new AddUseProductionReadyCodeFixProvider(),
            "public static class Program { public static void Main(string[] args) { var app = Microsoft.AspNetCore.Builder.WebApplication.Create(args); [|app.Run()|]; } }",
            // The code action's formatting pass indents the statement it moved to a line of its own.
            "using Microsoft.AspNetCore.Builder;\npublic static class Program { public static void Main(string[] args) { var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).AddProductionReady().Build(); app.UseProductionReady();\n        app.Run(); } }",
            implicitUsings: false).RunAsync();
    }

    [Fact]
    public async Task Offers_no_fix_when_it_cannot_register_the_services()
    {
        // The app arrives as a parameter: its builder is out of reach, and UseProductionReady alone would throw at startup.
        const string Source = """
            public static class Server
            {
                public static void Main(string[] args) => Start(WebApplication.Create(args));

                private static void Start(WebApplication app)
                {
                    [|app.Run()|];
                }
            }
            """;
        var test = FixTest("PRD003", new AddUseProductionReadyCodeFixProvider(), Source, Source, diagnostics: 0);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.NumberOfFixAllIterations = 0;
        await test.RunAsync();
    }

    [Fact]
    public async Task Chains_ValidateOnStart_onto_the_options_builder()
        => await FixTest("PRD007", new AddValidateOnStartCodeFixProvider(), """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.[|AddOptions<PaymentOptions>|]()
                .BindConfiguration("Payments")
                .ValidateDataAnnotations();
            builder.Build().UseProductionReady();

            public sealed class PaymentOptions { [ProductionReady.Secret] public string ApiKey { get; set; } = ""; }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOptions<PaymentOptions>()
                .BindConfiguration("Payments")
                .ValidateDataAnnotations().ValidateOnStart();
            builder.Build().UseProductionReady();

            public sealed class PaymentOptions { [ProductionReady.Secret] public string ApiKey { get; set; } = ""; }
            """).RunAsync();

    [Fact]
    public async Task Fix_all_fixes_every_registration_in_one_pass()
        => await FixTest("PRD007", new AddValidateOnStartCodeFixProvider(), """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.[|AddOptions<PaymentOptions>|]().BindConfiguration("Payments");
            builder.Services.[|AddOptions<MailOptions>|]().BindConfiguration("Mail");
            builder.Build().UseProductionReady();

            public sealed class PaymentOptions { [ProductionReady.Secret] public string ApiKey { get; set; } = ""; }
            public sealed class MailOptions { [ProductionReady.Secret] public string Password { get; set; } = ""; }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOptions<PaymentOptions>().BindConfiguration("Payments").ValidateOnStart();
            builder.Services.AddOptions<MailOptions>().BindConfiguration("Mail").ValidateOnStart();
            builder.Build().UseProductionReady();

            public sealed class PaymentOptions { [ProductionReady.Secret] public string ApiKey { get; set; } = ""; }
            public sealed class MailOptions { [ProductionReady.Secret] public string Password { get; set; } = ""; }
            """, diagnostics: 2).RunAsync();

    [Fact]
    public async Task Chains_the_auth_rate_limit_onto_authentication_endpoints()
        => await FixTest("PRD012", new RequireAuthRateLimitCodeFixProvider(), """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapPost([|"/auth/login"|], () => Results.Unauthorized()).WithName("login");
            var token = app.MapPost([|"/connect/token"|], () => Results.Ok());
            app.[|MapIdentityApi<IdentityUser>|]();
            app.MapGet("/orders", () => Results.Ok());
            app.Run();
            """, """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapPost("/auth/login", () => Results.Unauthorized()).RequireRateLimiting("auth").WithName("login");
            var token = app.MapPost("/connect/token", () => Results.Ok()).RequireRateLimiting("auth");
            app.MapIdentityApi<IdentityUser>().RequireRateLimiting("auth");
            app.MapGet("/orders", () => Results.Ok());
            app.Run();
            """, diagnostics: 3).RunAsync();

    [Fact]
    public void Providers_fix_the_ids_they_claim()
    {
        Assert.Equal(new[] { "PRD003" }, new AddUseProductionReadyCodeFixProvider().FixableDiagnosticIds);
        Assert.Equal(new[] { "PRD007" }, new AddValidateOnStartCodeFixProvider().FixableDiagnosticIds);
        Assert.Equal(new[] { "PRD012" }, new RequireAuthRateLimitCodeFixProvider().FixableDiagnosticIds);
        Assert.NotNull(new AddUseProductionReadyCodeFixProvider().GetFixAllProvider());
        Assert.NotNull(new AddValidateOnStartCodeFixProvider().GetFixAllProvider());
    }
}
