using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Common;

/// <summary>
/// A normal start refuses a weak secret inside <c>builder.Build()</c>: none of the app's code after it runs
/// (the sample writes a marker file there, standing in for <c>db.Database.Migrate()</c>), and the process
/// exits 1 with the one report and no stack trace.
/// </summary>
public sealed class RefusalInBuildTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("pr-refusal-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_weak_secret_in_Production_stops_the_process_before_the_apps_code_after_Build()
    {
        var marker = Path.Combine(_directory, "after-build.txt");
        var weak = "changeme" + "123";
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Sample__ApiKey"] = weak,
                ["SAMPLE_AFTER_BUILD_MARKER"] = marker,
            },
            ExitTimeout);

        var output = stdout + "\n" + stderr;
        StartupRefusal.AssertRefused(exitCode, stdout, stderr, "Sample:ApiKey [known-weak-value]");
        Assert.False(File.Exists(marker), "the app's code after builder.Build() ran before the refusal:\n" + output);
        Assert.DoesNotContain(weak, output, StringComparison.OrdinalIgnoreCase);
    }
}
