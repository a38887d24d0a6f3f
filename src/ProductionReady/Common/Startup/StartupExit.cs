namespace ProductionReady.Common;

/// <summary>
/// Turns a refused startup that the app does not catch into a clean exit with code 1 instead of a
/// runtime crash dump and SIGABRT (exit 134). A refusal that has already been reported (the startup
/// report, the secret report) just exits; an options or binder failure that reached no report (an
/// app that replaced the service-provider factory, options created outside startup validation) is
/// reported here first, so no bad setting ends in a stack trace; so is the app's own address held by another
/// process (Kestrel's bind failure in <c>app.Run()</c>, see <see cref="ServerAddressInUse"/>).
/// </summary>
/// <remarks>
/// The exception leaves <c>builder.Build()</c> or <c>app.Run()</c> only after the host or the
/// container has been disposed (loggers flushed), so exiting from the handler cannot deadlock the
/// shutdown. An app that catches the exception itself decides its own exit code.
/// </remarks>
internal static class StartupExit
{
    public const int FailureExitCode = 1;

    private const string ReportedKey = "ProductionReady.StartupReported";
    private static int _hooked;

    /// <summary>Installs the handler once per process.</summary>
    public static void ExitCleanlyWhenUnhandled()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        }
    }

    /// <summary>Marks an exception whose report is already on stderr and in the log.</summary>
    public static TException MarkReported<TException>(TException exception)
        where TException : Exception
    {
        exception.Data[ReportedKey] = true;
        return exception;
    }

    public static bool IsReported(Exception exception) => exception.Data[ReportedKey] is true;

    private static void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        if (e.ExceptionObject is not Exception exception)
        {
            return;
        }

        if (IsReported(exception))
        {
            Exit();
        }
        else if (ConfigurationProblems.IsConfigurationFailure(exception))
        {
            StartupReport.Write(Console.Error, ConfigurationProblems.From(exception).Distinct().ToArray());
            Exit();
        }
        else if (ServerAddressInUse.TryDescribe(exception, out var problem))
        {
            StartupReport.Write(Console.Error, [problem]);
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
