using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features.Authentication;
using ProductionReady.Common;

namespace ProductionReady.SecurityEvents;

/// <summary>
/// Counts security events on <c>productionready.security.events</c> (tagged with the event only: a client tag
/// would make one time series per caller) and logs one summary per event, client and window.
/// </summary>
internal sealed partial class SecurityEventRecorder : ISecurityEvents, IDisposable
{
    /// <summary>The counter's name on the <c>ProductionReady</c> meter.</summary>
    public const string CounterName = "productionready.security.events";

    /// <summary>The category of the summary events.</summary>
    public const string Category = "ProductionReady.SecurityEvents";

    private const string MeterName = "ProductionReady";
    private readonly Counter<long> _events;
    private readonly WindowedCounts<(SecurityEvent Event, string Client)> _summaries;
    private readonly ILogger _logger;

    public SecurityEventRecorder(IOptions<ProductionReadySecurityEventsOptions> options, IMeterFactory meterFactory, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _logger = loggerFactory.CreateLogger(Category);
        _events = meterFactory.Create(MeterName).CreateCounter<long>(CounterName, "{event}", "Security events: failed authentication, refused authorization, refused CORS preflights, CSP violations; by event.");
        _summaries = new(options.Value.SummaryWindow, time, (key, count, started, length) => Summary(_logger, Name(key.Event), key.Client, count, started, length));
    }

    public void Record(SecurityEvent securityEvent, HttpContext context)
    {
        _events.Add(1, new KeyValuePair<string, object?>("event", Name(securityEvent)));
        _summaries.Add((securityEvent, Describe(context)));
    }

    public void Dispose() => _summaries.Dispose();

    /// <summary>The event's name on the counter and in the log.</summary>
    internal static string Name(SecurityEvent securityEvent) => securityEvent switch
    {
        SecurityEvent.AuthenticationFailed => "authentication_failed",
        SecurityEvent.AuthorizationFailed => "authorization_failed",
        SecurityEvent.CorsPreflightRefused => "cors_preflight_refused",
        _ => "csp_violation",
    };

    /// <summary>
    /// Who: the authenticated user when there is one (a 403), else the client address, which the forwarded-headers
    /// handling sets to the real client behind trusted proxies. <c>user:alice</c>, <c>ip:203.0.113.7</c>.
    /// </summary>
    internal static string Describe(HttpContext context)
    {
        if (context.Features.Get<IHttpAuthenticationFeature>()?.User?.Identity is { IsAuthenticated: true } identity
            && (identity.Name ?? (identity as ClaimsIdentity)?.FindFirst(ClaimTypes.NameIdentifier)?.Value) is { Length: > 0 } user)
        {
            return "user:" + user;
        }

        return context.Connection.RemoteIpAddress is IPAddress address
            ? "ip:" + (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
            : "ip:unknown";
    }

    [LoggerMessage(EventId = 12001, EventName = "SecurityEventsSummary", Level = LogLevel.Warning,
        Message = "Security event {SecurityEvent}: {Count} from {Client} since {WindowStart:O} ({WindowLength})")]
    private static partial void Summary(ILogger logger, string securityEvent, string client, long count, DateTimeOffset windowStart, TimeSpan windowLength);
}
