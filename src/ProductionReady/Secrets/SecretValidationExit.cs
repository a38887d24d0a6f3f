namespace ProductionReady.Secrets;

/// <summary>
/// Turns an unhandled <see cref="SecretValidationException"/> (the app's <c>app.Run()</c> did not
/// catch it) into a clean exit with code 1 instead of a runtime crash dump and SIGABRT. Under
/// <c>--validate-config</c>, any exception that stops the host (e.g. other options failing
/// <c>ValidateOnStart</c>) means the configuration is not valid: one line on stderr, exit code 1.
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
    private static volatile bool _anyException;

    public static void ExitCleanlyWhenUnhandled(bool anyException = false)
    {
        _anyException |= anyException;
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        }
    }

    private static void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is SecretValidationException)
        {
            Exit();
        }
        else if (_anyException && e.ExceptionObject is Exception other)
        {
            Console.Error.WriteLine($"--validate-config: the host could not start: {other.GetType().Name}: {other.Message}");
            Exit();
        }
    }

    private static void Exit()
    {
        Console.Out.Flush();
        Console.Error.Flush();
        Environment.Exit(FailureExitCode);
    }
}
