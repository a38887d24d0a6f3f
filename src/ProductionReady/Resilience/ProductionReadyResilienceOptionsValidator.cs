namespace ProductionReady.Resilience;

/// <summary>
/// Rejects resilience settings the standard handler would refuse on the first outbound call (as an exception in a
/// request), at startup instead, with what to change.
/// </summary>
internal sealed class ProductionReadyResilienceOptionsValidator : IValidateOptions<ProductionReadyResilienceOptions>
{
    // The ranges Microsoft.Extensions.Http.Resilience validates its own options against.
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, ProductionReadyResilienceOptions options)
    {
        const string Section = ProductionReadyResilienceOptions.SectionName;
        var failures = new List<string>();
        if (options.AttemptTimeout < Shortest || options.AttemptTimeout > Longest)
        {
            failures.Add($"{Section}:AttemptTimeout must be between 00:00:00.010 and 1.00:00:00, e.g. \"00:00:10\" (got {options.AttemptTimeout}).");
        }

        if (options.TotalTimeout < Shortest || options.TotalTimeout > Longest)
        {
            failures.Add($"{Section}:TotalTimeout must be between 00:00:00.010 and 1.00:00:00, e.g. \"00:00:30\" (got {options.TotalTimeout}).");
        }
        else if (options.TotalTimeout <= options.AttemptTimeout)
        {
            failures.Add($"{Section}:TotalTimeout ({options.TotalTimeout}) must be longer than {Section}:AttemptTimeout ({options.AttemptTimeout}): it bounds every attempt and the waits between them. Raise TotalTimeout or lower AttemptTimeout.");
        }

        if (options.MaxRetryAttempts < 1)
        {
            failures.Add($"{Section}:MaxRetryAttempts must be at least 1 (got {options.MaxRetryAttempts}). To make no retries, exclude the client ({Section}:ExcludedClients) or set {Section}:Enabled to false.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > Longest)
        {
            failures.Add($"{Section}:RetryDelay must be between 00:00:00 and 1.00:00:00, e.g. \"00:00:02\" (got {options.RetryDelay}).");
        }

        foreach (var client in options.ExcludedClients)
        {
            if (string.IsNullOrWhiteSpace(client))
            {
                failures.Add($"{Section}:ExcludedClients entries must be client names, as given to AddHttpClient(\"name\") (got an empty entry).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
