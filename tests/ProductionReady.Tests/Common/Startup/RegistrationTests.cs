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
    // Every Add method, in the order "All" calls them: the granular ones, then AddProductionReady with a root lambda.
    private static readonly (string Name, Action<WebApplicationBuilder, Action<ProductionReadyOptions>> Add)[] Adds =
    [
        ("Logging", (b, _) => b.AddProductionReadyLogging()),
        ("Secrets", (b, _) => b.AddProductionReadySecrets()),
        ("Health", (b, _) => b.AddProductionReadyHealth()),
        ("SecurityHeaders", (b, _) => b.AddProductionReadySecurityHeaders()),
        ("ForwardedHeaders", (b, _) => b.AddProductionReadyForwardedHeaders()),
        ("Cors", (b, _) => b.AddProductionReadyCors()),
        ("RateLimits", (b, _) => b.AddProductionReadyRateLimits()),
        ("Metrics", (b, _) => b.AddProductionReadyMetrics()),
        ("Info", (b, _) => b.AddProductionReadyInfo()),
        ("SecurityEvents", (b, _) => b.AddProductionReadySecurityEvents()),
        ("Resilience", (b, _) => b.AddProductionReadyResilience()),
        ("AddProductionReady", (b, root) => b.AddProductionReady(root)),
    ];

    public static TheoryData<string> Methods() => new([.. Adds.Select(a => a.Name), "All"]);

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
            foreach (var (name, add) in Adds)
            {
                if (method == name || method == "All")
                {
                    add(builder, root);
                }
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
