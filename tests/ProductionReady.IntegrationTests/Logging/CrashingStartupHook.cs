using System.Diagnostics.CodeAnalysis;

/// <summary>
/// Loaded into the sample by <c>DOTNET_STARTUP_HOOKS</c> (the runtime calls <see cref="Initialize"/> before
/// <c>Main</c>): when <c>PRODUCTIONREADY_TEST_CRASH_AFTER_MS</c> is set, a thread throws an exception nobody
/// catches after that many milliseconds, so the process dies of an unhandled exception as a real bug would.
/// Uses nothing but the base library, so the test assembly loads into the sample without its dependencies.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks for a type named StartupHook outside any namespace.")]
internal static class StartupHook
{
    public const string CrashMessage = "crash requested by the test";

    public static void Initialize()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("PRODUCTIONREADY_TEST_CRASH_AFTER_MS"), out var delay))
        {
            return;
        }

        new Thread(() =>
        {
            Thread.Sleep(delay);
            throw new InvalidOperationException(CrashMessage);
        })
        { IsBackground = true }.Start();
    }
}
