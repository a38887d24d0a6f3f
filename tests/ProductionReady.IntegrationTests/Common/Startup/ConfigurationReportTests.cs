using System.Security.Cryptography;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Common;

/// <summary>
/// Bad settings stop the real sample before it listens: exit code 1, one report on stderr naming every
/// full key with what to do, the same report as one log event, and no stack trace anywhere.
/// </summary>
public sealed class ConfigurationReportTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static string StrongKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    [Fact]
    public async Task Every_bad_setting_is_named_in_one_report_with_exit_1_and_no_stack_trace()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?>
            {
                ["ProductionReady__Health__DrainDelay"] = "abc",
                ["ProductionReady__Health__ReportDetails"] = "Nope",
                ["ProductionReady__Health__CheckTimeout"] = "00:05:00",
                ["ProductionReady__Secrets__FailInEnvironments__0"] = string.Empty,
                ["ProductionReady__Secrets__Suppressions__0__Key"] = "Sample:ApiKey",
                ["ProductionReady__Secrets__Suppressions__0__Rule"] = "NoSuchRule",
                ["ProductionReady__Secrets__Suppressions__0__Reason"] = "legacy appliance",
            },
            ExitTimeout);

        StartupRefusal.AssertRefused(
            exitCode,
            stdout,
            stderr,
            "ProductionReady configuration: 5 problem(s); the host will not start.",
            "ProductionReady:Health:DrainDelay\n     the configured value cannot be read as a TimeSpan. What to do: write a duration as [d.]hh:mm:ss",
            "ProductionReady:Health:ReportDetails\n     the configured value cannot be read as a HealthReportDetails. What to do: use one of LoopbackOnly, AuthorizationPolicy, Everyone, Nobody.",
            "ProductionReady:Health:CheckTimeout",
            "ProductionReady:Secrets:FailInEnvironments:0",
            "ProductionReady:Secrets:Suppressions:0:Rule");

        // The same report, once, as a log event on stdout.
        Assert.Single(stdout.Split('\n'), l => l.Contains("The configuration was refused with 5 problem(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_policy_named_in_an_app_without_authorization_stops_the_host_cleanly_before_build_returns()
    {
        var marker = Path.Combine(Path.GetTempPath(), "pr-policy-" + Guid.NewGuid().ToString("N"));
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Sample__ApiKey"] = StrongKey(),
                ["ProductionReady__Metrics__Access"] = "AuthorizationPolicy",
                ["ProductionReady__Metrics__AuthorizationPolicy"] = "scrapers",
                ["ProductionReady__Health__ReportDetails"] = "AuthorizationPolicy",
                ["ProductionReady__Health__ReportDetailsPolicy"] = "operators",
                ["SAMPLE_AFTER_BUILD_MARKER"] = marker,
            },
            ExitTimeout);

        StartupRefusal.AssertRefused(
            exitCode,
            stdout,
            stderr,
            "authorization is not registered",
            "builder.Services.AddAuthorization(");
        Assert.False(File.Exists(marker), "the app's code after Build() ran");
    }

    [Fact]
    public async Task Mistyped_keys_stop_the_host_with_the_key_they_meant()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Sample__ApiKey"] = StrongKey(),
                ["ProductionReady__Health__LivePth"] = "/alive",
                ["ProductionReady__Metrics__Prot"] = "9464",
            },
            ExitTimeout);

        StartupRefusal.AssertRefused(
            exitCode,
            stdout,
            stderr,
            "ProductionReady configuration: 2 problem(s)",
            "ProductionReady:Health:LivePth\n     is not a setting ProductionReady reads, so it would be ignored and the default kept: did you mean ProductionReady:Health:LivePath?",
            "did you mean ProductionReady:Metrics:Port?");
    }

    [Fact]
    public async Task A_drain_delay_longer_than_the_shutdown_timeout_stops_the_host_cleanly()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Sample__ApiKey"] = StrongKey(),
                ["ProductionReady__Health__DrainDelay"] = "00:01:00",
            },
            ExitTimeout);

        StartupRefusal.AssertRefused(
            exitCode,
            stdout,
            stderr,
            "ProductionReady:Health:DrainDelay\n     (00:01:00) must be shorter than HostOptions.ShutdownTimeout (00:00:30)");
    }

    [Fact]
    public async Task Probe_paths_that_collide_are_refused_before_the_port_ever_opens()
    {
        await using var sample = SampleProcess.Start(new Dictionary<string, string?>
        {
            // "/" is the sample's own MapGet("/"); the startup path repeats readiness with a trailing slash.
            ["ProductionReady__Health__LivePath"] = "/",
            ["ProductionReady__Health__StartupPath"] = "/Health/Ready/",
            ["ProductionReady__Health__ReportPath"] = "/status?verbose=1",
        });

        var accepted = await sample.ListensBeforeExitAsync();

        var exitCode = await sample.WaitForExitAsync(ExitTimeout);
        var stderr = sample.Stderr;
        Assert.False(accepted, $"port {sample.Port} accepted a connection\n{sample.Stdout}\n{stderr}");
        StartupRefusal.AssertRefused(
            exitCode,
            sample.Stdout,
            stderr,
            "ProductionReady configuration: 3 problem(s)",
            "ProductionReady:Health:LivePath\n     '/' is also a route the app maps itself (HTTP: GET /)",
            "ProductionReady:Health:StartupPath\n     '/Health/Ready/' is the same path as ProductionReady:Health:ReadyPath ('/health/ready')",
            "ProductionReady:Health:ReportPath\n     '/status?verbose=1' holds a query or fragment");
    }

    [Fact]
    public async Task A_value_that_cannot_be_converted_is_reported_without_the_value()
    {
        var value = "not-a-duration-" + RandomNumberGenerator.GetHexString(8);
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["ProductionReady__Health__CacheDuration"] = value }, ExitTimeout);

        StartupRefusal.AssertRefused(exitCode, stdout, stderr, "ProductionReady:Health:CacheDuration");
        Assert.DoesNotContain(value, stdout + stderr, StringComparison.Ordinal);
    }
}
