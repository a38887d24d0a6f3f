using System.Globalization;

namespace ProductionReady.RateLimits;

/// <summary>
/// Validates <see cref="ProductionReadyRateLimitsOptions"/> at startup; every message starts with the full
/// configuration key and says what to do.
/// </summary>
internal sealed class RateLimitsOptionsValidator : IValidateOptions<ProductionReadyRateLimitsOptions>
{
    private const string Section = ProductionReadyRateLimitsOptions.SectionName;

    // Above this a per-client limit no longer limits anything a single client can do, and
    // PermitsPerSecond + Burst must stay far from int overflow.
    private const int MaxPermits = 1_000_000;

    public ValidateOptionsResult Validate(string? name, ProductionReadyRateLimitsOptions options)
    {
        var failures = new List<string>();
        Check(failures, "Auth", options.Auth, required: true);
        Check(failures, "Api", options.Api, required: true);
        Check(failures, "Uploads", options.Uploads, required: true);
        Check(failures, "Global", options.Global, required: false);

        if (options.RejectionLogWindow < TimeSpan.FromSeconds(1) || options.RejectionLogWindow > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:RejectionLogWindow must be between 00:00:01 and 01:00:00 (got {options.RejectionLogWindow.ToString("c", CultureInfo.InvariantCulture)}): set a value in that range, or remove the key for the default (00:00:10).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, ProductionReadyRateLimitPolicyOptions? policy, bool required)
    {
        if (policy is null)
        {
            if (required)
            {
                failures.Add($"{Section}:{key} is missing: set {Section}:{key}:PermitsPerSecond and {Section}:{key}:Burst, or remove the key for the default.");
            }

            return;
        }

        if (policy.PermitsPerSecond is < 1 or > MaxPermits)
        {
            failures.Add($"{Section}:{key}:PermitsPerSecond must be between 1 and {MaxPermits} (got {policy.PermitsPerSecond}): set the steady number of requests per second one client may make{(required ? $", or set {Section}:Enabled to false to turn the limits off" : $", or remove {Section}:{key} to have no global limit")}.");
        }

        if (policy.Burst is < 0 or > MaxPermits)
        {
            failures.Add($"{Section}:{key}:Burst must be between 0 and {MaxPermits} (got {policy.Burst}): set how many requests beyond one second's worth a client may send at once.");
        }
    }
}
