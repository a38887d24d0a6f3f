using System.Globalization;
using System.Text;

namespace ProductionReady.Common;

/// <summary>
/// The one startup report of refused settings: every problem with its full configuration key, what
/// is wrong and what to do; written to stderr first (the process is about to end and must not depend
/// on a log pipeline), then logged as one Critical event. Never holds a secret value.
/// </summary>
internal static class StartupReport
{
    /// <summary>The report as text.</summary>
    public static string ToText(IReadOnlyList<ConfigurationProblem> problems)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(culture, $"ProductionReady configuration: {problems.Count} problem(s); the host will not start.");
        for (var i = 0; i < problems.Count; i++)
        {
            text.AppendLine();
            text.Append(culture, $"  {i + 1}. {problems[i].Key}").AppendLine();
            text.Append(culture, $"     {problems[i].Message}");
        }

        text.AppendLine();
        text.Append("Set each key in appsettings.json, as an environment variable (':' becomes '__', e.g. ProductionReady__Health__DrainDelay) or in code, and start again.");
        return text.ToString();
    }

    /// <summary>Writes the report to <paramref name="error"/> (stderr) and flushes it.</summary>
    public static void Write(TextWriter error, IReadOnlyList<ConfigurationProblem> problems)
    {
        error.WriteLine(ToText(problems));
        error.Flush();
    }

    /// <summary>
    /// Reports <paramref name="problems"/> on stderr and as one log event (when a logger can be had), and
    /// returns the exception to throw, marked as reported so that an unhandled one exits 1 quietly.
    /// </summary>
    public static ProductionReadyConfigurationException Refuse(IReadOnlyList<ConfigurationProblem> problems, TextWriter error, ILogger? logger)
    {
        var text = ToText(problems);
        error.WriteLine(text);
        error.Flush();
        var lines = problems.Select(p => p.ToString()).ToArray();
        var keys = problems.Select(p => p.Key).ToArray();
        if (logger is not null)
        {
            StartupReportLog.Refused(logger, problems.Count, keys, text);
        }

        StartupExit.ExitCleanlyWhenUnhandled();
        return StartupExit.MarkReported(new ProductionReadyConfigurationException(text) { Problems = lines });
    }

    /// <summary>A logger for the report, or null when logging itself cannot be built (its own settings are bad).</summary>
    public static ILogger? TryCreateLogger(IServiceProvider services)
    {
        try
        {
            return services.GetService<ILoggerFactory>()?.CreateLogger(StartupReportLog.Category);
        }
#pragma warning disable CA1031 // Logging's own settings may be what is wrong: the report still reaches stderr.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
