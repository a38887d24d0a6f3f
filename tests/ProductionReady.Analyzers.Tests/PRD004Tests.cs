using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD004: health probes mapped only in Development.</summary>
public sealed class PRD004Tests
{
    private static readonly string[] ProbeRules = { "PRD003", "PRD004" };

    [Fact]
    public async Task Probes_only_in_development_get_their_own_rule()
    {
        await RuleTest.VerifyOnlyAsync(ProbeRules, ProjectKind.WebApp, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.{|PRD004:MapHealthChecks|}("/health");
            }

            if (app.Environment.IsProduction()) { } else { app.{|PRD004:UseHealthChecks|}("/ready"); }
            app.Run();
            """);

        // The message says what is wrong in production.
        var diagnostics = await AnalyzerRun.AnalyzeAsync(AnalyzerRun.Compile(ProjectKind.WebApp, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment()) { app.MapHealthChecks("/health"); }
            app.Run();
            """));
        var diagnostic = Assert.Single(diagnostics, d => d.Id is "PRD003" or "PRD004");
        Assert.Equal("PRD004", diagnostic.Id);
        Assert.Contains("production has no health probe", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The service-defaults project of a .NET Aspire solution, as its template writes it.</summary>
    internal const string ServiceDefaults = """
        using Microsoft.AspNetCore.Diagnostics.HealthChecks;

        namespace Microsoft.Extensions.Hosting
        {
            public static class Extensions
            {
                private const string HealthEndpointPath = "/health";
                private const string AlivenessEndpointPath = "/alive";

                public static WebApplication MapDefaultEndpoints(this WebApplication app)
                {
                    // Adding health checks endpoints to applications in non-development environments has security implications.
                    if (app.Environment.IsDevelopment())
                    {
                        app.{|PRD004:MapHealthChecks|}(HealthEndpointPath);
                        app.{|PRD004:MapHealthChecks|}(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
                    }

                    return app;
                }
            }
        }
        """;

    [Fact]
    public async Task Development_only_probes_of_a_service_defaults_library_are_flagged()
        => await RuleTest.VerifyOnlyAsync(ProbeRules, ProjectKind.Library, ServiceDefaults);

    [Fact]
    public async Task Probes_after_a_guard_that_leaves_outside_Development_are_Development_only()
        => await RuleTest.VerifyOnlyAsync(ProbeRules, ProjectKind.Library, """
            public static class Endpoints
            {
                public static WebApplication MapDefaultEndpoints(this WebApplication app)
                {
                    if (!app.Environment.IsDevelopment())
                    {
                        return app;
                    }

                    app.{|PRD004:MapHealthChecks|}("/health");
                    return app;
                }

                public static void MapDiagnostics(WebApplication app)
                {
                    if (app.Environment.IsProduction()) throw new InvalidOperationException("Diagnostics are for development.");
                    app.{|PRD004:UseHealthChecks|}("/diag");
                }
            }
            """);

    [Theory]
    [InlineData("if (!app.Environment.IsDevelopment()) { app.UseHsts(); }")]
    [InlineData("if (!app.Environment.IsDevelopment()) { return; } else { app.UseDeveloperExceptionPage(); }")]
    [InlineData("if (app.Environment.IsDevelopment()) { return; }")]
    public async Task A_guard_that_does_not_leave_or_has_an_else_guards_nothing(string guard)
        => await RuleTest.VerifyOnlyAsync(ProbeRules, ProjectKind.Library, $$"""
            public static class Endpoints
            {
                public static void MapProbes(WebApplication app)
                {
                    {{guard}}
                    app.MapHealthChecks("/health");
                }
            }
            """);
}
