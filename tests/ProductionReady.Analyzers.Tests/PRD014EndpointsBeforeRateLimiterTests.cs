using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// PRD014: <c>UseEndpoints</c> after a <c>UseRouting()</c> that comes after <c>UseProductionReady()</c>, the one order
/// in which the rate limiter runs after the endpoints; every other order is left alone.
/// </summary>
public sealed class PRD014EndpointsBeforeRateLimiterTests
{
    [Fact]
    public async Task UseEndpoints_after_a_late_UseRouting_is_flagged_with_the_fix_named()
    {
        var test = new RuleTest(ProjectKind.WebApp, "PRD014")
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.AddProductionReady();
                builder.Services.AddRazorPages();

                var app = builder.Build();
                app.UseProductionReady();
                app.UseStaticFiles();
                app.UseRouting();
                app.UseAuthorization();
                app.{|#0:UseEndpoints|}(endpoints =>
                {
                    endpoints.MapRazorPages();
                    endpoints.MapPost("/auth/login", () => Results.Ok()).RequireRateLimiting("auth");
                });
                app.Run();
                """,
        };
        test.DisabledDiagnostics.AddRange(RuleTest.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id != "PRD014"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRD014", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithMessage(
            "'UseEndpoints' runs the endpoints before the rate limiter, because UseRouting() comes after UseProductionReady(): RequireRateLimiting and [EnableRateLimiting] are ignored; map the endpoints at the top level (app.MapControllers(), app.MapRazorPages()) instead of inside UseEndpoints, or call UseRouting() before UseProductionReady()"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_granular_rate_limits_in_a_Startup_class_are_flagged_too()
        => await RuleTest.VerifyAsync("PRD014", ProjectKind.Library, """
            public sealed class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseProductionReadyRateLimits();
                    app.UseRouting();
                    app.[|UseEndpoints|](endpoints => endpoints.MapControllers());
                }
            }
            """);

    [Theory]
    // The template's order with top-level routes: the limiter is appended behind the app's last middleware.
    [InlineData("app.UseProductionReady();\napp.UseRouting();\napp.UseAuthorization();\napp.MapRazorPages();")]
    // Routing first: the limiter runs where UseProductionReady() is, after routing and before the endpoints.
    [InlineData("app.UseRouting();\napp.UseProductionReady();\napp.UseEndpoints(e => e.MapRazorPages());")]
    // The app puts the limiter between its routing and its endpoints itself.
    [InlineData("app.UseProductionReady();\napp.UseRouting();\napp.UseRateLimiter();\napp.UseEndpoints(e => e.MapRazorPages());")]
    // No ProductionReady rate limits in the pipeline.
    [InlineData("app.UseRouting();\napp.UseEndpoints(e => e.MapRazorPages());")]
    // A minimal API: no routing of its own.
    [InlineData("app.UseProductionReady();\napp.MapRazorPages();")]
    public async Task Every_other_order_is_left_alone(string pipeline)
        => await RuleTest.VerifyAsync("PRD014", ProjectKind.WebApp, $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.AddProductionReady();
            builder.Services.AddRazorPages();
            var app = builder.Build();
            {{pipeline}}
            app.Run();
            """);

    [Fact]
    public async Task Another_pipeline_s_calls_do_not_count()
        => await RuleTest.VerifyAsync("PRD014", ProjectKind.WebApp, """
            var builder = WebApplication.CreateBuilder(args);
            builder.AddProductionReady();
            var app = builder.Build();
            app.UseProductionReady();
            app.Map("/legacy", legacy =>
            {
                legacy.UseRouting();
                legacy.UseEndpoints(e => e.MapGet("/", () => "legacy"));
            });
            app.Run();
            """);

    [Fact]
    public async Task Test_projects_are_not_flagged()
        => await RuleTest.VerifyAsync("PRD014", ProjectKind.TestProject, """
            public sealed class PipelineTests
            {
                [Xunit.Fact]
                public void Builds()
                {
                    var app = WebApplication.Create();
                    app.UseProductionReady();
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapGet("/", () => "x"));
                }
            }
            """);
    [Fact]
    public async Task The_code_fix_moves_UseRouting_before_UseProductionReady()
    {
        var test = new RuleTest(ProjectKind.WebApp, "PRD014")
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.AddProductionReady();
                builder.Services.AddControllersWithViews();

                var app = builder.Build();
                app.UseProductionReady();
                app.UseStaticFiles();

                // The template's routing.
                app.UseRouting();
                app.UseAuthorization();
                app.[|UseEndpoints|](endpoints => endpoints.MapDefaultControllerRoute());
                app.Run();
                """,
            FixedCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.AddProductionReady();
                builder.Services.AddControllersWithViews();

                var app = builder.Build();

                // The template's routing.
                app.UseRouting();
                app.UseProductionReady();
                app.UseStaticFiles();
                app.UseAuthorization();
                app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
                app.Run();
                """,
            CodeFixes = ImmutableArray.Create<CodeFixProvider>(new MoveUseRoutingCodeFixProvider()),
        };
        test.DisabledDiagnostics.AddRange(RuleTest.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id != "PRD014"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_code_fix_works_in_a_method_body()
    {
        var test = new RuleTest(ProjectKind.Library, "PRD014")
        {
            TestCode = """
                public static class Pipeline
                {
                    public static void Configure(WebApplication app)
                    {
                        app.UseProductionReady();
                        app.UseRouting();
                        app.[|UseEndpoints|](e => e.MapGet("/", () => "x"));
                    }
                }
                """,
            FixedCode = """
                public static class Pipeline
                {
                    public static void Configure(WebApplication app)
                    {
                        app.UseRouting();
                        app.UseProductionReady();
                        app.UseEndpoints(e => e.MapGet("/", () => "x"));
                    }
                }
                """,
            CodeFixes = ImmutableArray.Create<CodeFixProvider>(new MoveUseRoutingCodeFixProvider()),
        };
        test.DisabledDiagnostics.AddRange(RuleTest.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id != "PRD014"));
        await test.RunAsync();
    }
}
