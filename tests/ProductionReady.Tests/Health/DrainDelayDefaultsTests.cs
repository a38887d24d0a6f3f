using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace ProductionReady.Tests.Health;

/// <summary>The drain delay is 5 s where a load balancer routes, 0 in Development and under test servers; configuration always wins.</summary>
public sealed class DrainDelayDefaultsTests
{
    [Theory]
    [InlineData("Production", 5)]
    [InlineData("Staging", 5)]
    [InlineData("Development", 0)]
    public void The_default_depends_on_the_environment(string environment, int seconds)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.AddProductionReadyHealth();
        using var app = builder.Build();

        Assert.Equal(TimeSpan.FromSeconds(seconds), app.Services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value.DrainDelay);
    }

    [Fact]
    public async Task WebApplicationFactory_in_production_does_not_drain()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Sample:ApiKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

        Assert.Equal(TimeSpan.Zero, factory.Services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value.DrainDelay);
    }

    [Fact]
    public void A_configured_delay_wins_in_development()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["ProductionReady:Health:DrainDelay"] = "00:00:03";
        builder.AddProductionReadyHealth();
        using var app = builder.Build();

        Assert.Equal(TimeSpan.FromSeconds(3), app.Services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value.DrainDelay);
    }

    [Fact]
    public void A_delay_set_in_code_before_the_registration_wins_on_a_test_server()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Services.Configure<ProductionReadyHealthOptions>(o => o.DrainDelay = TimeSpan.FromSeconds(2));
        builder.AddProductionReadyHealth();
        using var app = builder.Build();

        Assert.Equal(TimeSpan.FromSeconds(2), app.Services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value.DrainDelay);
    }
}
