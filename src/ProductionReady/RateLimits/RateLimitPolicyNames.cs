namespace ProductionReady;

/// <summary>
/// The names of the rate-limit presets, for <c>.RequireRateLimiting(RateLimitPolicyNames.Auth)</c>
/// and <c>[EnableRateLimiting(RateLimitPolicyNames.Auth)]</c>.
/// </summary>
public static class RateLimitPolicyNames
{
    /// <summary>Authentication endpoints (login, sign-in, token, password reset).</summary>
    public const string Auth = "auth";

    /// <summary>Ordinary API endpoints.</summary>
    public const string Api = "api";

    /// <summary>Upload endpoints.</summary>
    public const string Uploads = "uploads";

    /// <summary>The name the optional global limit is reported under (metrics and logs); not an endpoint policy.</summary>
    public const string Global = "global";
}
