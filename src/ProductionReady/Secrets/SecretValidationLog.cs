namespace ProductionReady.Secrets;

/// <summary>The log events of secret validation (event ids 3000–3099). None carries a secret value.</summary>
internal static partial class SecretValidationLog
{
    /// <summary>The one event of a failed validation in a fatal environment.</summary>
    [LoggerMessage(EventId = 3001, EventName = "SecretValidationFailed", Level = LogLevel.Critical,
        Message = "Startup secret validation found {ProblemCount} problem(s) in environment {Environment}; the host will not start: {Problems}\n{Report}")]
    public static partial void Failed(ILogger logger, int problemCount, string environment, string[] problems, string report);

    /// <summary>The one event of a validation with problems where they are not fatal (Development).</summary>
    [LoggerMessage(EventId = 3002, EventName = "SecretValidationWarning", Level = LogLevel.Warning,
        Message = "Startup secret validation found {ProblemCount} problem(s) in environment {Environment}; they would stop the host in {FailingEnvironments}: {Problems}\n{Report}")]
    public static partial void Warned(ILogger logger, int problemCount, string environment, string failingEnvironments, string[] problems, string report);

    [LoggerMessage(EventId = 3003, EventName = "SecretValidationPassed", Level = LogLevel.Debug,
        Message = "Startup secret validation found no problems in environment {Environment} ({SuppressedCount} suppressed) in {ElapsedMilliseconds:0.00} ms")]
    public static partial void Passed(ILogger logger, string environment, int suppressedCount, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3004, EventName = "SecretValidationLateProblems", Level = LogLevel.Warning,
        Message = "Options {OptionsType} were created after the startup secret report (add ValidateOnStart() to include them):\n{Report}")]
    public static partial void LateProblems(ILogger logger, string optionsType, string report);
}
