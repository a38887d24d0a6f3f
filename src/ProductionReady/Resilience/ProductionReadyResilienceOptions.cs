namespace ProductionReady;

/// <summary>
/// Outbound resilience options, bound from the <c>ProductionReady:Resilience</c> configuration section and validated
/// when the host starts: the standard resilience handler of <c>Microsoft.Extensions.Http.Resilience</c> on every
/// <see cref="System.Net.Http.HttpClient"/> the app gets from <c>IHttpClientFactory</c>.
/// </summary>
/// <remarks>
/// The handler is, from the outside in: a total timeout, retries (exponential back-off with jitter, honouring
/// <c>Retry-After</c>; only for the idempotent methods of RFC 9110: GET, HEAD, OPTIONS, TRACE, PUT, DELETE), a circuit
/// breaker (the standard one: opens when at least 10% of at least 100 calls in the sampling window fail) and a timeout
/// per attempt. Transient outcomes are 5xx, 408, 429, connection failures and attempt timeouts.
/// </remarks>
public sealed class ProductionReadyResilienceOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "ProductionReady:Resilience";

    /// <summary><c>false</c> adds no handler to any client. Default <c>true</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest one attempt may take. Default 10 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest a call may take, every attempt and wait included; must be longer than <see cref="AttemptTimeout"/>.
    /// Default 30 seconds.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times an idempotent request is retried after a transient failure. Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// The base delay before a retry, doubled at each retry and jittered (unless the server sent <c>Retry-After</c>).
    /// Default 2 seconds.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Names of the clients that get no handler (a named client's name; a typed client's is its type's name), for
    /// those that bring their own policy. In code, <c>AddHttpClient("name").WithoutProductionReadyResilience()</c>
    /// does the same.
    /// </summary>
    public IList<string> ExcludedClients { get; } = [];
}
