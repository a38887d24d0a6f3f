using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Common;

/// <summary>
/// <c>--validate-config</c> is a dry run: it exits inside <c>builder.Build()</c>, before any of the app's
/// code after it (the sample writes a marker file there, standing in for migrations), and still sees a
/// configuration source the app added after <c>AddProductionReady()</c> and options it registered with
/// <c>ValidateOnStart()</c>.
/// </summary>
public sealed class ValidateConfigDryRunTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("pr-dry-run-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Validate_config_never_runs_the_apps_code_after_Build_and_sees_late_sources()
    {
        var marker = Path.Combine(_directory, "after-build.txt");
        var extra = Path.Combine(_directory, "late.json");
        var weak = "changeme" + "123";
        await File.WriteAllTextAsync(extra, $$"""{ "Sample": { "ApiKey": "{{weak}}" } }""");

        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["SAMPLE_EXTRA_CONFIG"] = extra,
                ["SAMPLE_AFTER_BUILD_MARKER"] = marker,
            },
            ExitTimeout,
            "--validate-config");

        Assert.True(exitCode == 1, $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");

        // The weak key exists only in the source added after AddProductionReady().
        Assert.Contains("Sample:ApiKey [known-weak-value]", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(weak, stdout + stderr, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(marker), "the app's code after builder.Build() ran under --validate-config");
        Assert.DoesNotContain("Now listening", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_config_reports_the_apps_own_ValidateOnStart_options()
    {
        var marker = Path.Combine(_directory, "after-build.txt");
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Sample__ApiKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                ["Sample__PageSize"] = "0",
                ["SAMPLE_AFTER_BUILD_MARKER"] = marker,
            },
            ExitTimeout,
            "--validate-config");

        Assert.True(exitCode == 1, $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains("SampleApiOptions", stdout, StringComparison.Ordinal);
        Assert.Contains("PageSize", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the app's code after builder.Build() ran under --validate-config");
    }

    [Fact]
    public async Task Without_the_switch_the_code_after_Build_does_run()
    {
        // The control: the marker is a real side effect that the dry-run tests would see.
        var marker = Path.Combine(_directory, "after-build.txt");
        await using var sample = SampleProcess.Start(new Dictionary<string, string?> { ["SAMPLE_AFTER_BUILD_MARKER"] = marker });
        await sample.WaitUntilListeningAsync();

        Assert.True(File.Exists(marker));
    }
}
