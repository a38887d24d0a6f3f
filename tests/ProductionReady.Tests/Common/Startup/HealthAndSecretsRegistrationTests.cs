using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using ProductionReady.Common;

namespace ProductionReady.Tests.Common;

/// <summary>The one registration pattern for Health and Secrets: calling the method twice is harmless.</summary>
public sealed class HealthAndSecretsRegistrationTests
{
    [Fact]
    public async Task Health_and_secrets_registered_twice_run_once()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.AddProductionReadyHealth();
        builder.AddProductionReadySecrets();
        builder.AddProductionReadyHealth();
        builder.AddProductionReadySecrets();

        await using var app = builder.Build();
        app.UseProductionReadyHealth();
        await app.StartAsync();

        var services = app.Services;
        Assert.Single(services.GetServices<IHostedService>(), s => s.GetType().Name == "HealthProbeLifecycle");
        Assert.Single(services.GetServices<IHostedService>(), s => s.GetType().Name == "SecretValidationHostedService");
        Assert.Single(services.GetServices<IValidateOptions<ProductionReadyHealthOptions>>(), v => v.GetType().Name == "HealthOptionsValidator");
        Assert.Single(services.GetServices<IValidateOptions<ProductionReadySecretsOptions>>(), v => v.GetType().Name == "SecretValidationOptionsValidator");
        Assert.Single(services.GetServices<IReservedPaths>());
        Assert.Single(services.GetServices<IPreStartCheck>(), c => c.GetType().Name == "SecretValidationHostedService");
        Assert.Single(services.GetServices<IPreStartCheck>(), c => c.GetType().Name == "ReportDetailsPolicyCheck");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.GetTestClient().GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        await app.StopAsync();
    }
}
