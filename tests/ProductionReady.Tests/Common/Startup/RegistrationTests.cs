using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.TestHost;
using ProductionReady.SecurityHeaders;

namespace ProductionReady.Tests.Common;

/// <summary>
/// The one registration pattern: every granular <c>AddProductionReadyXxx</c> and <c>AddProductionReady</c>
/// may be called twice (or all together) and register nothing twice; the same code configuration given twice runs once.
/// </summary>
public sealed class RegistrationTests
{
    public static TheoryData<string> Methods() => new(["Logging", "Secrets", "Health", "SecurityHeaders", "ForwardedHeaders", "Cors", "RateLimits", "Metrics", "Info", "SecurityEvents", "AddProductionReady", "All"]);

    [Theory]
    [MemberData(nameof(Methods))]
    public void Calling_twice_registers_nothing_twice(string method)
    {
        var once = Registrations(method, times: 1);
        var twice = Registrations(method, times: 2);

        Assert.Equal(once, twice);
    }

    [Fact]
    public async Task The_same_code_configuration_given_twice_runs_once_and_distinct_ones_each_run()
    {
        var runs = 0;
        Action<ProductionReadySecurityHeadersOptions> configure = _ => runs++;
        var other = 0;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.AddProductionReadySecurityHeaders(configure);
        builder.AddProductionReadySecurityHeaders(configure);
        builder.AddProductionReadySecurityHeaders(_ => other++);
        await using var app = builder.Build();

        _ = app.Services.GetRequiredService<IOptions<ProductionReadySecurityHeadersOptions>>().Value;

        // Each options instance created (the startup validation's, this one) ran each distinct delegate once.
        Assert.True(other > 0);
        Assert.Equal(other, runs);
    }

    // The registrations after calling the method(s) `times` times, each described by service and implementation.
    private static string[] Registrations(string method, int times)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        Action<ProductionReadyOptions> root = o => o.Health.LivePath = "/live";
        for (var i = 0; i < times; i++)
        {
            if (method is "Logging" or "All")
            {
                builder.AddProductionReadyLogging();
            }

            if (method is "Secrets" or "All")
            {
                builder.AddProductionReadySecrets();
            }

            if (method is "Health" or "All")
            {
                builder.AddProductionReadyHealth();
            }

            if (method is "SecurityHeaders" or "All")
            {
                builder.AddProductionReadySecurityHeaders();
            }

            if (method is "ForwardedHeaders" or "All")
            {
                builder.AddProductionReadyForwardedHeaders();
            }

            if (method is "Cors" or "All")
            {
                builder.AddProductionReadyCors();
            }

            if (method is "RateLimits" or "All")
            {
                builder.AddProductionReadyRateLimits();
            }

            if (method is "Metrics" or "All")
            {
                builder.AddProductionReadyMetrics();
            }

            if (method is "Info" or "All")
            {
                builder.AddProductionReadyInfo();
            }

            if (method is "SecurityEvents" or "All")
            {
                builder.AddProductionReadySecurityEvents();
            }

            if (method is "AddProductionReady" or "All")
            {
                builder.AddProductionReady(root);
            }
        }

        return builder.Services.Select(Describe).Order(StringComparer.Ordinal).ToArray();
    }

    private static string Describe(ServiceDescriptor d) =>
        d.ServiceType.FullName + " <- " + (d.IsKeyedService
            ? "keyed " + d.ServiceKey
            : d.ImplementationType?.FullName
              ?? d.ImplementationInstance?.GetType().FullName
              ?? d.ImplementationFactory?.Method.DeclaringType?.FullName + "." + d.ImplementationFactory?.Method.Name);
}
