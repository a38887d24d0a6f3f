using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Common;

/// <summary>
/// Bad settings stop the real sample before it listens: exit code 1, one report on stderr naming every
/// full key with what to do, the same report as one log event, and no stack trace anywhere.
/// </summary>
public sealed partial class ConfigurationReportTests
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

        var output = stdout + "\n" + stderr;
        Assert.True(exitCode == 1, $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains("ProductionReady configuration: 5 problem(s); the host will not start.", stderr, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Health:DrainDelay\n     the configured value cannot be read as a TimeSpan. What to do: write a duration as [d.]hh:mm:ss", stderr, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Health:ReportDetails\n     the configured value cannot be read as a HealthReportDetails. What to do: use one of LoopbackOnly, AuthorizationPolicy, Everyone, Nobody.", stderr, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Health:CheckTimeout", stderr, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Secrets:FailInEnvironments:0", stderr, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Secrets:Suppressions:0:Rule", stderr, StringComparison.Ordinal);
        AssertNoCrash(output);

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

        Assert.True(exitCode == 1, $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains("authorization is not registered", stderr, StringComparison.Ordinal);
        Assert.Contains("builder.Services.AddAuthorization(", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the app's code after Build() ran");
        AssertNoCrash(stdout + "\n" + stderr);
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

        Assert.True(exitCode == 1, $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains("ProductionReady configuration: 2 problem(s)", stderr, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Health:LivePth\n     is not a setting ProductionReady reads, so it would be ignored and the default kept: did you mean ProductionReady:Health:LivePath?", stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean ProductionReady:Metrics:Port?", stderr, StringComparison.Ordinal);
        AssertNoCrash(stdout + "\n" + stderr);
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

        Assert.True(exitCode == 1, $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains("ProductionReady:Health:DrainDelay\n     (00:01:00) must be shorter than HostOptions.ShutdownTimeout (00:00:30)", stderr, StringComparison.Ordinal);
        AssertNoCrash(stdout + "\n" + stderr);
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
        Assert.True(exitCode == 1, $"exit {exitCode}\nstdout:\n{sample.Stdout}\nstderr:\n{stderr}");
        Assert.Contains("ProductionReady configuration: 3 problem(s)", stderr, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Health:LivePath\n     '/' is also a route the app maps itself (HTTP: GET /)", stderr, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Health:StartupPath\n     '/Health/Ready/' is the same path as ProductionReady:Health:ReadyPath ('/health/ready')", stderr, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:Health:ReportPath\n     '/status?verbose=1' holds a query or fragment", stderr, StringComparison.Ordinal);
        AssertNoCrash(sample.Stdout + "\n" + stderr);
    }

    [Fact]
    public async Task A_value_that_cannot_be_converted_is_reported_without_the_value()
    {
        var value = "not-a-duration-" + RandomNumberGenerator.GetHexString(8);
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["ProductionReady__Health__CacheDuration"] = value }, ExitTimeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("ProductionReady:Health:CacheDuration", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(value, stdout + stderr, StringComparison.Ordinal);
        AssertNoCrash(stdout + "\n" + stderr);
    }

    private static void AssertNoCrash(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.False(StackFrame().IsMatch(output), "a stack trace was printed:\n" + output);
        Assert.DoesNotContain("\\n   at ", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
