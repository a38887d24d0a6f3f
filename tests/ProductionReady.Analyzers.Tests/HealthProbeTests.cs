using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD003 (no probe at all) and PRD004 (probes only in Development).</summary>
public sealed class HealthProbeTests
{
    /// <summary>Stands in for the runtime package's UseProductionReady (the analyzers match it by name).</summary>
    public const string ProductionReadyStub = """
        namespace Microsoft.AspNetCore.Builder
        {
            public static class ProductionReadyStubExtensions
            {
                public static Microsoft.AspNetCore.Builder.IApplicationBuilder UseProductionReady(this Microsoft.AspNetCore.Builder.IApplicationBuilder app) => app;
            }
        }
        """;

    [Fact]
    public async Task Web_app_without_probes_is_flagged_at_Run()
        => await AnalyzerHarness.VerifyAsync("PRD003", ProjectKind.WebApp, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "hello");
            app.Run(async context => await context.Response.WriteAsync("terminal middleware is not Run"));
            [|app.Run()|];
            """);

    [Fact]
    public async Task RunAsync_is_flagged_too()
        => await AnalyzerHarness.VerifyAsync("PRD003", ProjectKind.WebApp, """
            var app = WebApplication.Create(args);
            await [|app.RunAsync()|];
            """);

    [Theory]
    [InlineData("app.UseProductionReady();")]
    [InlineData("app.MapHealthChecks(\"/health\");")]
    [InlineData("app.UseHealthChecks(\"/health\");")]
    [InlineData("if (app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); } else { app.MapHealthChecks(\"/health\"); }")]
    [InlineData("if (!app.Environment.IsProduction()) { app.UseDeveloperExceptionPage(); } app.MapHealthChecks(\"/health\");")]
    public async Task Any_production_probe_mapping_satisfies_the_rule(string mapping)
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(ProjectKind.WebApp, $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            {{mapping}}
            app.Run();
            """, ProductionReadyStub);
        Assert.DoesNotContain(diagnostics, d => d.Id is "PRD003" or "PRD004");
    }

    [Fact]
    public async Task Probes_mapped_in_another_file_count()
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(ProjectKind.WebApp, """
            var app = WebApplication.Create(args);
            app.MapOperationalEndpoints();
            app.Run();
            """, """
            static class Endpoints
            {
                public static void MapOperationalEndpoints(this WebApplication app) => app.MapHealthChecks("/healthz");
            }
            """);
        Assert.DoesNotContain(diagnostics, d => d.Id == "PRD003");
    }

    [Fact]
    public async Task Probes_only_in_development_get_their_own_rule()
    {
        var diagnostics = await AnalyzerHarness.VerifyAsync("PRD004", ProjectKind.WebApp, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.[|MapHealthChecks|]("/health");
            }

            if (app.Environment.IsProduction()) { } else { app.[|UseHealthChecks|]("/ready"); }
            app.Run();
            """);
        Assert.Contains("production has no health probe", diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(await AnalyzerHarness.AnalyzeAsync(ProjectKind.WebApp, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment()) { app.MapHealthChecks("/health"); }
            app.Run();
            """), d => d.Id == "PRD003");
    }

    [Fact]
    public async Task Generic_host_with_a_web_host_is_flagged()
        => await AnalyzerHarness.VerifyAsync("PRD003", ProjectKind.WebApp, """
            [|Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.Configure(app => app.UseRouting())).Build().Run()|];
            """);

    [Fact]
    public async Task Worker_services_libraries_and_test_projects_are_not_flagged()
    {
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(ProjectKind.WebApp, """
            var host = Host.CreateDefaultBuilder(args).Build();
            host.Run();
            """));
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(ProjectKind.Library, """
            public static class Runner { public static void Start(WebApplication app) => app.Run(); }
            """));
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(ProjectKind.TestProject, """
            public class AppTests { [Xunit.Fact] public void Runs() { var app = WebApplication.Create(); app.Run(); } }
            """));
    }
}
