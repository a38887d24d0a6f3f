using System.Diagnostics.CodeAnalysis;

/// <summary>
/// Loaded into the sample by <c>DOTNET_STARTUP_HOOKS</c> (the runtime calls <see cref="Initialize"/> before
/// <c>Main</c>): when <c>PRODUCTIONREADY_TEST_CRASH_WHEN_LISTENING_ON</c> names a port, a thread waits until the app
/// is ready there (readiness opens once the host has started, after "Now listening on" was logged), then throws an exception nobody catches, so the process dies of an unhandled exception
/// as a real bug would, after it started, however slow the machine. Uses nothing but the base library, so the test
/// assembly loads into the sample without its dependencies.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks for a type named StartupHook outside any namespace.")]
internal static class StartupHook
{
    public const string CrashMessage = "crash requested by the test";

    public static void Initialize()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("PRODUCTIONREADY_TEST_CRASH_WHEN_LISTENING_ON"), out var port))
        {
            return;
        }

        new Thread(() =>
        {
            while (!Listening(port))
            {
                Thread.Sleep(50);
            }

            throw new InvalidOperationException(CrashMessage);
        })
        { IsBackground = true }.Start();
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new HttpClient();
            using var response = client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready")).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
