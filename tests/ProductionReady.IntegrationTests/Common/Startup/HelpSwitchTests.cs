using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Common;

/// <summary>
/// <c>--help</c>, <c>-h</c> and <c>-?</c> print ProductionReady's command-line modes and exit 0 without starting
/// the app: nothing after <c>Build()</c> runs (the sample's marker never appears), nothing listens.
/// </summary>
public sealed class HelpSwitchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pr-help-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task Help_lists_the_modes_and_exits_0_without_starting_the_app(string help)
    {
        var marker = Path.Combine(_directory, "after-build.txt");
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["SAMPLE_AFTER_BUILD_MARKER"] = marker },
            TimeSpan.FromSeconds(60),
            help);

        Assert.True(exitCode == 0, $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains("--validate-config", stdout, StringComparison.Ordinal);
        Assert.Contains("--probe live|ready|startup", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the app's code after builder.Build() ran under " + help);
        Assert.DoesNotContain("Now listening", stdout + stderr, StringComparison.Ordinal);
    }
}
