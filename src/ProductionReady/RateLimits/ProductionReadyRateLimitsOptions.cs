namespace ProductionReady;

/// <summary>
/// The rate-limit presets, bound from <c>ProductionReady:RateLimits</c>: the named policies
/// <c>auth</c>, <c>api</c> and <c>uploads</c> (applied the standard way, <c>.RequireRateLimiting("auth")</c>
/// or <c>[EnableRateLimiting("auth")]</c>) and an optional global limit. Every limit is per client:
/// the authenticated user when there is one, else the client address.
/// </summary>
public sealed class ProductionReadyRateLimitsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "ProductionReady:RateLimits";

    /// <summary>
    /// False turns every preset into "no limit" (the policies stay defined, so endpoints that name
    /// them still work). Defaults to true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The <c>auth</c> policy (login, sign-in, token, password reset): 5 requests/s per client, burst 5.</summary>
    public ProductionReadyRateLimitPolicyOptions Auth { get; set; } = new() { PermitsPerSecond = 5, Burst = 5 };

    /// <summary>The <c>api</c> policy: 10 requests/s per client, burst 10.</summary>
    public ProductionReadyRateLimitPolicyOptions Api { get; set; } = new() { PermitsPerSecond = 10, Burst = 10 };

    /// <summary>The <c>uploads</c> policy: 2 requests/s per client, burst 2.</summary>
    public ProductionReadyRateLimitPolicyOptions Uploads { get; set; } = new() { PermitsPerSecond = 2, Burst = 2 };

    /// <summary>
    /// True (the default) puts the <c>auth</c> preset on ASP.NET Core Identity's POSTs without code: every
    /// page of the Identity UI's <c>Identity</c> area (login, register, forgot and reset password, two-factor
    /// sign-in, account management) and every POST <c>MapIdentityApi</c> maps (<c>/login</c>, <c>/register</c>,
    /// <c>/refresh</c>, <c>/forgotPassword</c>, <c>/resetPassword</c>, <c>/resendConfirmationEmail</c>,
    /// <c>/manage/2fa</c>, <c>/manage/info</c>), under whatever prefix the app maps it. GETs (the login page
    /// itself) are never limited, and an endpoint that names its own policy or <c>[DisableRateLimiting]</c> keeps it.
    /// Active in an app that registers Identity's sign-in (<c>AddDefaultIdentity</c>, <c>AddIdentity</c>,
    /// <c>AddIdentityApiEndpoints</c>); other apps keep the framework's fast path.
    /// False leaves Identity's endpoints to the app.
    /// </summary>
    public bool Identity { get; set; } = true;

    /// <summary>
    /// An optional limit on every request of a client, on top of the endpoint's policy. Off (null) unless
    /// configured, e.g. <c>ProductionReady:RateLimits:Global:PermitsPerSecond=50</c>.
    /// </summary>
    public ProductionReadyRateLimitPolicyOptions? Global { get; set; }

    /// <summary>
    /// Rejections are logged as one summary event per policy, client and window of this length, never
    /// one event per rejected request. Defaults to 10 seconds.
    /// </summary>
    public TimeSpan RejectionLogWindow { get; set; } = TimeSpan.FromSeconds(10);
}
