using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using ProductionReady.Common;
using ProductionReady.TestSupport;
using ProductionReady.Tests.Health;

namespace ProductionReady.Tests.Common;

/// <summary>
/// The one reserved-paths check, with a test-only capability claiming a path: collisions with the probes
/// and with the app's own routes are refused at host start; an app's own health-check endpoint on a probe
/// path starts, is answered by the probe, and that is said once.
/// </summary>
public sealed class ReservedPathsTests
{
    [Fact]
    public async Task A_capability_path_equal_to_a_probe_path_after_normalisation_is_refused()
    {
        var error = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => StartAsync(new TestPaths("/HEALTH/ready/")));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("Test:ReportPath: '/HEALTH/ready/' is the same path as ProductionReady:Health:ReadyPath ('/health/ready')", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capability_path_equal_to_an_app_route_is_refused_and_a_parameter_route_is_not()
    {
        var error = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => StartAsync(
            new TestPaths("/orders/"),
            app =>
            {
                app.MapGet("/orders", () => "orders");
                app.MapGet("/{slug}", (string slug) => slug);
            }));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("Test:ReportPath: '/orders/' is also a route the app maps itself", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_in_a_claimed_path_is_refused()
    {
        var error = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => StartAsync(new TestPaths("/reports#csp")));

        Assert.Contains("Test:ReportPath: '/reports#csp' holds a query or fragment", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_apps_own_health_check_endpoint_on_a_probe_path_starts_and_the_probe_answers_it()
    {
        var log = new FakeLogCollector();
        await using var app = await StartAsync(
            paths: null,
            app => app.MapHealthChecks("/health"),
            new FakeLoggerProvider(log));

        // The app's endpoint would answer text/plain "Healthy"; the probe answers JSON.
        var answer = await app.SendAsync("/health");
        Assert.Equal(200, answer.StatusCode);
        Assert.StartsWith("{\"status\":\"Healthy\"", answer.Body, StringComparison.Ordinal);

        var said = Assert.Single(log.GetSnapshot(), e => e.Id.Id == 1002);
        Assert.Contains("/health", said.Message, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Health:ReportPath", said.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_health_endpoint_on_a_health_probe_path_is_refused()
    {
        var error = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => StartAsync(paths: null, app => app.MapGet("/health/live", () => "mine")));

        Assert.StartsWith("ProductionReady:Health:LivePath: '/health/live' is also a route the app maps itself", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    private static Task<TestHost> StartAsync(IReservedPaths? paths, Action<WebApplication>? map = null, ILoggerProvider? log = null)
        => TestHost.StartAsync(
            builder =>
            {
                if (log is not null)
                {
                    builder.Logging.AddProvider(log);
                }

                builder.AddProductionReadyHealth(o => o.DrainDelay = TimeSpan.Zero);
                if (paths is not null)
                {
                    builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton(paths));
                }
            },
            app =>
            {
                app.UseProductionReadyHealth();
                map?.Invoke(app);
            });

    /// <summary>A capability that claims one path, as the CSP report endpoint does.</summary>
    private sealed class TestPaths(string path) : IReservedPaths
    {
        public IEnumerable<ReservedPath> GetReservedPaths() => [new(path, "Test:ReportPath")];
    }
}
