using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Logging;

/// <summary>
/// What a developer reads on the Development console: the secret report as lines (not one line of <c>\n</c>
/// escapes), and a warning naming the Console sink left in the app's Serilog section, which doubles every line.
/// </summary>
public sealed class ConsoleReadabilityTests
{
    [Fact]
    public async Task The_secret_report_reads_as_lines_on_the_Development_console()
    {
        await using var sample = SampleProcess.Start(new Dictionary<string, string?> { ["Sample__ApiKey"] = "changeme" + "123" });

        // The event's first line, then the report's own lines, each on a line of its own.
        await sample.WaitForLineAsync(l => l.Contains("WRN] ProductionReady.Secrets", StringComparison.Ordinal));
        await sample.WaitForLineAsync(l => l.StartsWith("  1. Sample:ApiKey [known-weak-value]", StringComparison.Ordinal));
        await sample.WaitForLineAsync(l => l.StartsWith("     What to do:", StringComparison.Ordinal));
        Assert.DoesNotContain("\\n", sample.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_console_sink_in_the_Serilog_section_is_named_in_a_warning_at_startup()
    {
        await using var sample = SampleProcess.Start(new Dictionary<string, string?> { ["Serilog__WriteTo__0__Name"] = "Console" });

        var warning = await sample.WaitForLineAsync(l => l.Contains("every line appears twice", StringComparison.Ordinal));

        Assert.Contains("Serilog:WriteTo:0:Name", warning, StringComparison.Ordinal);
    }
}
