using System.Text.RegularExpressions;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>
/// What a refused start looks like from outside, the one promise of the startup report: exit code 1, the report on
/// stderr naming each problem, never an unhandled exception's stack trace, never a port opened.
/// </summary>
internal static partial class StartupRefusal
{
    /// <summary>Asserts the process exited 1, wrote each of <paramref name="onStderr"/> on stderr, and did not crash (<see cref="AssertNoCrash"/>).</summary>
    public static void AssertRefused(int exitCode, string stdout, string stderr, params string[] onStderr)
    {
        Assert.True(exitCode == 1, $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        foreach (var text in onStderr)
        {
            Assert.Contains(text, stderr, StringComparison.Ordinal);
        }

        AssertNoCrash(stdout + "\n" + stderr);
    }

    /// <summary>No unhandled exception, no stack frame (plain or in a JSON event), no server listening.</summary>
    public static void AssertNoCrash(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.False(StackFrame().IsMatch(output), "a stack trace was printed:\n" + output);
        Assert.DoesNotContain("\\n   at ", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
