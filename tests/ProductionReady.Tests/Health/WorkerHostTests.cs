using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ProductionReady.Tests.Health;

/// <summary>
/// <c>AddProductionReady()</c> on a worker's <c>HostApplicationBuilder</c>: no drain delay by default (nothing
/// routes traffic to a worker), a configured one still wins; a web app keeps its 5 s, and a health setting
/// does not turn Development's 0 into 5 s.
/// </summary>
public sealed class WorkerHostTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("8123")]
    public void A_worker_drains_nothing_by_default(string? port)
    {
        var builder = Worker();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ProductionReady:Health:Port"] = port });
        using var host = builder.Build();

        Assert.Equal(TimeSpan.Zero, host.Services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value.DrainDelay);
    }

    [Fact]
    public void A_configured_drain_delay_still_wins_in_a_worker()
    {
        var builder = Worker();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ProductionReady:Health:DrainDelay"] = "00:00:02" });
        using var host = builder.Build();

        Assert.Equal(TimeSpan.FromSeconds(2), host.Services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value.DrainDelay);
    }

    [Fact]
    public void A_health_setting_does_not_pin_the_5_s_default_in_Development()
    {
        // The binder calls each setter with its getter's value once the section exists.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration["ProductionReady:Health:CheckTimeout"] = "00:00:00.300";
        builder.AddProductionReady();
        using var app = builder.Build();

        Assert.Equal(TimeSpan.Zero, app.Services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value.DrainDelay);
    }

    [Fact]
    public void A_web_app_in_Production_keeps_its_drain_delay()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.AddProductionReady();
        builder.Configuration["ProductionReady:Health:CheckTimeout"] = "00:00:00.300";
        using var app = builder.Build();

        Assert.Equal(TimeSpan.FromSeconds(5), app.Services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value.DrainDelay);
    }

    [Fact]
    public void Calling_it_twice_on_a_worker_registers_nothing_twice_and_no_web_capability()
    {
        Action<ProductionReadyOptions> root = o => o.Health.LivePath = "/live";
        var once = Worker();
        once.AddProductionReady(root);
        var twice = Worker();
        twice.AddProductionReady(root);
        twice.AddProductionReady(root);

        Assert.Equal(Describe(once), Describe(twice));
        Assert.DoesNotContain(twice.Services, d => d.ServiceType == typeof(IConfigureOptions<ProductionReadySecurityHeadersOptions>));
        Assert.DoesNotContain(twice.Services, d => d.ServiceType.FullName == "Microsoft.AspNetCore.Hosting.Server.IServer");
    }

    private static string[] Describe(HostApplicationBuilder builder) => builder.Services
        .Select(d => d.ServiceType.FullName + " <- " + (d.ImplementationType?.FullName
            ?? d.ImplementationInstance?.GetType().FullName
            ?? d.ImplementationFactory?.Method.DeclaringType?.FullName + "." + d.ImplementationFactory?.Method.Name))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static HostApplicationBuilder Worker()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.AddProductionReady();
        return builder;
    }
}
