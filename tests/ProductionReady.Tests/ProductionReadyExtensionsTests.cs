using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace ProductionReady.Tests;

/// <summary>The two lines: configuration first, then the code lambda, reaching every capability.</summary>
public sealed class ProductionReadyExtensionsTests
{
    [Fact]
    public async Task Configuration_section_and_code_lambda_reach_every_capability()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProductionReady:ServiceName"] = "from-config",
            ["ProductionReady:Health:LivePath"] = "/config/live",
            ["ProductionReady:Health:ReadyPath"] = "/config/ready",
            ["ProductionReady:Secrets:ScanConfiguration"] = "false",
            ["ProductionReady:SecurityHeaders:CspReportOnly"] = "true",
            ["ProductionReady:Logging:SlowRequestThreshold"] = "00:00:03",
        });

        builder.AddProductionReady(o =>
        {
            o.ServiceName = "from-code";
            o.Health.ReadyPath = "/code/ready";
            o.Health.DrainDelay = TimeSpan.Zero;
        });

        await using var app = builder.Build();
        app.UseProductionReady();
        await app.StartAsync();

        var services = app.Services;
        Assert.Equal("from-code", services.GetRequiredService<IOptions<ProductionReadyOptions>>().Value.ServiceName);
        var health = services.GetRequiredService<IOptions<HealthProbeOptions>>().Value;
        Assert.Equal("/config/live", health.LivePath);
        Assert.Equal("/code/ready", health.ReadyPath);
        Assert.False(services.GetRequiredService<IOptions<SecretValidationOptions>>().Value.ScanConfiguration);
        Assert.True(services.GetRequiredService<IOptions<SecurityHeadersOptions>>().Value.CspReportOnly);
        Assert.Equal(TimeSpan.FromSeconds(3), services.GetRequiredService<IOptions<ProductionReadyLoggingOptions>>().Value.SlowRequestThreshold);

        // And the pipeline uses them: the configured paths answer, with headers on.
        using var client = app.GetTestClient();
        var live = await client.GetAsync(new Uri("/config/live", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.True(live.Headers.Contains("X-Content-Type-Options"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/code/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        await app.StopAsync();
    }
}
