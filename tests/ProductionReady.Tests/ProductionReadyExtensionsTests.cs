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
        var health = services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value;
        Assert.Equal("/config/live", health.LivePath);
        Assert.Equal("/code/ready", health.ReadyPath);
        Assert.False(services.GetRequiredService<IOptions<ProductionReadySecretsOptions>>().Value.ScanConfiguration);
        Assert.True(services.GetRequiredService<IOptions<ProductionReadySecurityHeadersOptions>>().Value.CspReportOnly);
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

    [Fact]
    public async Task The_code_lambda_runs_once_and_sees_the_instances_the_capabilities_use()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        var invocations = 0;
        ProductionReadyOptions? seen = null;
        builder.AddProductionReady(o =>
        {
            invocations++;
            seen = o;
            o.Health.LivePath = "/once/live";
        });

        await using var app = builder.Build();
        app.UseProductionReady();
        await app.StartAsync();

        // Every way of reading every capability's options, after a real start and a request.
        var services = app.Services;
        using var client = app.GetTestClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/once/live", UriKind.Relative))).StatusCode);
        _ = services.GetRequiredService<IOptions<ProductionReadyOptions>>().Value;
        _ = services.GetRequiredService<IOptionsMonitor<ProductionReadyHealthOptions>>().CurrentValue;
        _ = services.GetRequiredService<IOptionsMonitor<ProductionReadySecretsOptions>>().CurrentValue;
        _ = services.GetRequiredService<IOptions<ProductionReadyLoggingOptions>>().Value;
        _ = services.GetRequiredService<IOptions<ProductionReadySecurityHeadersOptions>>().Value;
        using (var scope = services.CreateScope())
        {
            _ = scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<ProductionReadyHealthOptions>>().Value;
        }

        Assert.Equal(1, invocations);
        Assert.Same(seen!.Health, services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value);
        Assert.Same(seen.Secrets, services.GetRequiredService<IOptions<ProductionReadySecretsOptions>>().Value);
        Assert.Same(seen.Logging, services.GetRequiredService<IOptions<ProductionReadyLoggingOptions>>().Value);
        Assert.Same(seen.SecurityHeaders, services.GetRequiredService<IOptions<ProductionReadySecurityHeadersOptions>>().Value);

        await app.StopAsync();
    }

    [Fact]
    public async Task The_code_lambda_reaches_info_security_events_and_resilience_as_the_others()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProductionReady:Info:DefaultLogLevelDuration"] = "00:05:00",
            ["ProductionReady:SecurityEvents:SummaryWindow"] = "00:00:30",
        });
        ProductionReadyOptions? seen = null;
        builder.AddProductionReady(o =>
        {
            seen = o;
            o.Info.Path = "/ops/info";
            o.SecurityEvents.SummaryWindow = TimeSpan.FromMinutes(1);
            o.Resilience.MaxRetryAttempts = 5;
        });

        await using var app = builder.Build();
        app.UseProductionReady();
        await app.StartAsync();

        var services = app.Services;
        var info = services.GetRequiredService<IOptions<ProductionReadyInfoOptions>>().Value;
        var securityEvents = services.GetRequiredService<IOptions<ProductionReadySecurityEventsOptions>>().Value;
        var resilience = services.GetRequiredService<IOptions<ProductionReadyResilienceOptions>>().Value;
        Assert.Same(seen!.Info, info);
        Assert.Same(seen.SecurityEvents, securityEvents);
        Assert.Same(seen.Resilience, resilience);
        Assert.Equal(("/ops/info", TimeSpan.FromMinutes(5)), (info.Path, info.DefaultLogLevelDuration));
        Assert.Equal(TimeSpan.FromMinutes(1), securityEvents.SummaryWindow);
        Assert.Equal(5, resilience.MaxRetryAttempts);

        // And the capability uses them: the info paths claimed at startup are the ones set in code.
        var reserved = services.GetServices<ProductionReady.Common.IReservedPaths>().SelectMany(r => r.GetReservedPaths()).Select(p => p.Path).ToList();
        Assert.Contains("/ops/info", reserved);
        Assert.DoesNotContain("/info", reserved);

        await app.StopAsync();
    }

    [Fact]
    public void The_code_lambda_fails_info_and_security_events_validation_with_the_full_key()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.AddProductionReady(o =>
        {
            o.Info.MaxLogLevelDuration = TimeSpan.FromDays(2);
            o.SecurityEvents.SummaryWindow = TimeSpan.Zero;
        });

        var error = Assert.Throws<ProductionReadyConfigurationException>(() => builder.Build());
        Assert.Contains(error.Problems, p => p.StartsWith("ProductionReady:Info:MaxLogLevelDuration", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("ProductionReady:SecurityEvents:SummaryWindow", StringComparison.Ordinal));
    }

    [Fact]
    public void The_code_lambda_still_fails_validation_with_the_full_key()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.AddProductionReady(o => o.Health.CheckTimeout = TimeSpan.Zero);

        var error = Assert.Throws<ProductionReadyConfigurationException>(() => builder.Build());
        Assert.StartsWith("ProductionReady:Health:CheckTimeout", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
