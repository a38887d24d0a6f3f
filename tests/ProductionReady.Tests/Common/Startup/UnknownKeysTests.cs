using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace ProductionReady.Tests.Common;

/// <summary>A mistyped key under ProductionReady is refused at startup, with the nearest key that exists.</summary>
public sealed class UnknownKeysTests
{
    private static WebApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddProductionReady();
        return builder;
    }

    [Fact]
    public void Typos_are_refused_each_with_the_key_it_meant()
    {
        var builder = Builder(new()
        {
            ["ProductionReady:Health:LivePth"] = "/alive",
            ["ProductionReady:Metrics:Prot"] = "9464",
            ["ProductionReady:Helth:ReadyPath"] = "/ready",
            ["ProductionReady:Cors:AllowedOrigins:0"] = "https://app.example.com",
            ["ProductionReady:Health:LivePath"] = "/live",
        });

        var refused = Assert.Throws<ProductionReadyConfigurationException>(() => builder.Build());

        Assert.Contains(refused.Problems, p => p.StartsWith("ProductionReady:Health:LivePth: ", StringComparison.Ordinal) && p.Contains("did you mean ProductionReady:Health:LivePath?", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.StartsWith("ProductionReady:Metrics:Prot: ", StringComparison.Ordinal) && p.Contains("did you mean ProductionReady:Metrics:Port?", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.StartsWith("ProductionReady:Helth: ", StringComparison.Ordinal) && p.Contains("did you mean ProductionReady:Health?", StringComparison.Ordinal));
        Assert.Equal(3, refused.Problems.Count);
    }

    [Fact]
    public void A_setting_under_the_wrong_capability_is_refused_naming_where_it_lives()
    {
        // The trusted proxies have one owner: the old Headers key is refused, pointing at the forwarded headers' key.
        var builder = Builder(new() { ["ProductionReady:SecurityHeaders:TrustedProxies:0"] = "10.0.0.1" });

        var refused = Assert.Throws<ProductionReadyConfigurationException>(() => builder.Build());

        var problem = Assert.Single(refused.Problems);
        Assert.StartsWith("ProductionReady:SecurityHeaders:TrustedProxies: ", problem, StringComparison.Ordinal);
        Assert.Contains("did you mean ProductionReady:ForwardedHeaders:TrustedProxies?", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_the_options_read_is_accepted_lists_and_dictionaries_included()
    {
        using var app = Builder(new()
        {
            ["ProductionReady:ServiceName"] = "orders",
            ["ProductionReady:Health:DrainDelay"] = "00:00:01",
            ["ProductionReady:Cors:AllowedOrigins:0"] = "https://app.example.com",
            ["ProductionReady:RateLimits:Auth:PermitsPerSecond"] = "3",
            ["ProductionReady:Secrets:Suppressions:0:Key"] = "Payments:ApiKey",
            ["ProductionReady:Secrets:Suppressions:0:Rule"] = "LowEntropy",
            ["ProductionReady:Secrets:Suppressions:0:Reason"] = "a test key",
        }).Build();
    }
}
