namespace ProductionReady;

/// <summary>
/// One per-client limit: a token bucket that refills <see cref="PermitsPerSecond"/> tokens every second
/// and holds <see cref="PermitsPerSecond"/> + <see cref="Burst"/> tokens, so an idle client may send that
/// many requests at once before being held to the steady rate.
/// </summary>
public sealed class ProductionReadyRateLimitPolicyOptions
{
    /// <summary>The steady rate a client is allowed, in requests per second (at least 1).</summary>
    public int PermitsPerSecond { get; set; } = 10;

    /// <summary>How many requests beyond one second's worth a client may send at once (0 or more).</summary>
    public int Burst { get; set; } = 10;
}
