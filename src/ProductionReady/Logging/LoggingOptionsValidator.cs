namespace ProductionReady.Logging;

/// <summary>Rejects logging options that cannot work, at startup, with what to change.</summary>
internal sealed class LoggingOptionsValidator : IValidateOptions<ProductionReadyLoggingOptions>
{
    public ValidateOptionsResult Validate(string? name, ProductionReadyLoggingOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Format))
        {
            failures.Add($"{ProductionReadyLoggingOptions.SectionName}:Format must be Auto, Json or Text.");
        }

        if (options.SlowRequestThreshold <= TimeSpan.Zero)
        {
            failures.Add($"{ProductionReadyLoggingOptions.SectionName}:SlowRequestThreshold must be positive, e.g. \"00:00:01\" (got {options.SlowRequestThreshold}).");
        }

        if (string.IsNullOrWhiteSpace(options.RequestIdHeader) || !options.RequestIdHeader.All(IsTokenChar))
        {
            failures.Add($"{ProductionReadyLoggingOptions.SectionName}:RequestIdHeader must be a header name such as X-Request-ID.");
        }

        foreach (var path in options.ExcludedPaths)
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/')
            {
                failures.Add($"{ProductionReadyLoggingOptions.SectionName}:ExcludedPaths entries must start with '/' (got \"{path}\").");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // RFC 9110 token characters.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
