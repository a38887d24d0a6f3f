namespace ProductionReady.Secrets;

/// <summary>
/// Turns an unhandled <see cref="SecretValidationException"/> (the app's <c>app.Run()</c> did not
/// catch it) into a clean exit with code 1 instead of a runtime crash dump and SIGABRT.
/// </summary>
/// <remarks>
/// The exception leaves <c>app.Run()</c> only after the host has been disposed (its console lifetime
/// unhooked, its loggers flushed), so exiting from the handler cannot deadlock the shutdown. An app
/// that catches the exception itself decides its own exit code.
/// </remarks>
internal static class SecretValidationExit
{
    public const int FailureExitCode = 1;

    private static int _hooked;

    public static void ExitCleanlyWhenUnhandled()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        }
    }

    private static void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is SecretValidationException)
        {
            Console.Out.Flush();
            Console.Error.Flush();
            Environment.Exit(FailureExitCode);
        }
    }
}
