using Microsoft.Extensions.Options;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Health;

/// <summary>Bad configuration stops the app at startup with a message that says what to do.</summary>
public sealed class HealthProbeOptionsTests
{
    [Fact]
    public async Task A_drain_delay_that_does_not_fit_the_shutdown_timeout_fails_at_startup()
    {
        var ex = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => ProbeTestHost.StartAsync(
            o => o.DrainDelay = TimeSpan.FromSeconds(20),
            b => b.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(10))));

        Assert.Contains("DrainDelay", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ShutdownTimeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_from_configuration_are_bound_and_validated()
    {
        var ex = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => ProbeTestHost.StartAsync(services: b =>
            b.Configuration["ProductionReady:Health:ReadyPath"] = "health/ready"));

        Assert.Contains("ProductionReady:Health:ReadyPath: 'health/ready' is not an absolute path", ex.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_binds_paths_and_timings()
    {
        await using var app = await ProbeTestHost.StartAsync(services: b =>
        {
            b.Configuration["ProductionReady:Health:LivePath"] = "/alive";
            b.Configuration["ProductionReady:Health:CheckTimeout"] = "00:00:00.250";
        });

        Assert.Equal(200, (await app.SendAsync("/alive")).StatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(250), app.Services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value.CheckTimeout);
    }

    [Fact]
    public async Task Paths_must_differ()
    {
        var ex = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => ProbeTestHost.StartAsync(o => o.ReadyPath = "/health/live/"));

        Assert.Contains("ProductionReady:Health:ReadyPath: '/health/live/' is the same path as ProductionReady:Health:LivePath", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zero_check_timeout_is_rejected()
    {
        var ex = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => ProbeTestHost.StartAsync(o => o.CheckTimeout = TimeSpan.Zero));

        Assert.StartsWith("ProductionReady:Health:CheckTimeout", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policy_mode_needs_a_policy_name()
    {
        var ex = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => ProbeTestHost.StartAsync(o => o.ReportDetails = HealthReportDetails.AuthorizationPolicy));

        Assert.Contains("set ProductionReady:Health:ReportDetailsPolicy", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_policy_that_is_not_registered_fails_at_startup()
    {
        var ex = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => ProbeTestHost.StartAsync(
            o =>
            {
                o.ReportDetails = HealthReportDetails.AuthorizationPolicy;
                o.ReportDetailsPolicy = "Ops";
            },
            b => b.Services.AddAuthorization()));

        Assert.Contains("ProductionReady:Health:ReportDetailsPolicy: names the authorization policy 'Ops', which is not registered", Assert.Single(ex.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void The_probes_without_their_services_say_what_to_call()
    {
        var builder = WebApplication.CreateBuilder();
        var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.UseProductionReadyHealth());

        Assert.Contains("AddProductionReadyHealth", ex.Message, StringComparison.Ordinal);
    }
}
