using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD003: a web app with no health probe at all.</summary>
public sealed class PRD003Tests
{
    private static readonly string[] ProbeRules = { "PRD003", "PRD004" };

    [Fact]
    public async Task Web_app_without_probes_is_flagged_at_Run()
        => await RuleTest.VerifyAsync("PRD003", ProjectKind.WebApp, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "hello");
            app.Run(async context => await context.Response.WriteAsync("terminal middleware is not Run"));
            [|app.Run()|];
            """);

    [Fact]
    public async Task RunAsync_is_flagged_too()
        => await RuleTest.VerifyAsync("PRD003", ProjectKind.WebApp, """
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
        => await RuleTest.VerifyOnlyAsync(ProbeRules, ProjectKind.WebApp, $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            {{mapping}}
            app.Run();
            """);

    [Fact]
    public async Task Probes_mapped_in_another_file_count()
        => await RuleTest.VerifyAsync("PRD003", ProjectKind.WebApp, """
            var app = WebApplication.Create(args);
            app.MapOperationalEndpoints();
            app.Run();
            """, """
            static class Endpoints
            {
                public static void MapOperationalEndpoints(this WebApplication app) => app.MapHealthChecks("/healthz");
            }
            """);

    /// <summary>The service-defaults project of a .NET Aspire solution, as its template writes it.</summary>
    private const string ServiceDefaults = PRD004Tests.ServiceDefaults;

    [Fact]
    public async Task An_app_that_maps_its_endpoints_through_another_assembly_is_not_told_it_has_no_probe()
    {
        var test = new RuleTest(ProjectKind.WebApp)
        {
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapDefaultEndpoints();
                app.Run();
                """,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Assembly("Shop.ServiceDefaults", ServiceDefaults.Replace("{|PRD004:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal)));
        await test.RunAsync();
    }

    [Fact]
    public async Task Extensions_of_libraries_that_map_no_probes_do_not_hide_a_missing_probe()
    {
        var test = new RuleTest(ProjectKind.WebApp, "PRD003")
        {
            TestCode = """
                using Swashbuckle.AspNetCore.SwaggerUI;
                var builder = WebApplication.CreateBuilder(args);
                builder.AddProductionReadySecurityHeaders();
                var app = builder.Build();
                app.UseProductionReadySecurityHeaders();
                app.UseSwaggerUI();
                [|app.Run()|];
                """,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Assembly("Swashbuckle.AspNetCore.SwaggerUI", """
            namespace Swashbuckle.AspNetCore.SwaggerUI
            {
                public static class SwaggerUIBuilderExtensions
                {
                    public static IApplicationBuilder UseSwaggerUI(this IApplicationBuilder app) => app;
                }
            }
            """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Generic_host_with_a_web_host_is_flagged()
        => await RuleTest.VerifyAsync("PRD003", ProjectKind.WebApp, """
            [|Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.Configure(app => app.UseRouting())).Build().Run()|];
            """);

    [Fact]
    public async Task Worker_services_libraries_and_test_projects_are_not_flagged()
    {
        await RuleTest.VerifyNoneAsync(ProjectKind.WebApp, """
            var host = Host.CreateDefaultBuilder(args).Build();
            host.Run();
            """);
        await RuleTest.VerifyNoneAsync(ProjectKind.Library, """
            public static class Runner { public static void Start(WebApplication app) => app.Run(); }
            """);
        await RuleTest.VerifyNoneAsync(ProjectKind.TestProject, """
            public class AppTests { [Xunit.Fact] public void Runs() { var app = WebApplication.Create(); app.Run(); } }
            """);
    }
}
