namespace ProductionReady.ForwardedHeaders;

/// <summary>The trusted-proxies capability's log events.</summary>
internal static partial class ForwardedHeadersLog
{
    public const string Category = "ProductionReady.ForwardedHeaders";

    [LoggerMessage(EventId = 7001, EventName = "ForwardedHeadersTrusted", Level = LogLevel.Information,
        Message = "Forwarded headers ({Headers}) are applied from the trusted proxies {TrustedProxies}, at most {ForwardLimit} hop(s); ignored from every other peer")]
    public static partial void Trusted(ILogger logger, string headers, string trustedProxies, int forwardLimit);

    [LoggerMessage(EventId = 7002, EventName = "ForwardedHeadersTrustEveryone", Level = LogLevel.Warning,
        Message = "ASPNETCORE_FORWARDEDHEADERS_ENABLED=true makes the app accept X-Forwarded-For and X-Forwarded-Proto from every caller: anyone can choose the client address that logs and rate limits see and make plain HTTP look like HTTPS. " +
                  "Remove that setting and list the reverse proxies in ProductionReady:ForwardedHeaders:TrustedProxies (addresses or CIDR networks, e.g. 10.0.0.0/8).")]
    public static partial void TrustEveryone(ILogger logger);

    [LoggerMessage(EventId = 7004, EventName = "TrustedProxiesAnyAddress", Level = LogLevel.Warning,
        Message = "ProductionReady:ForwardedHeaders:TrustedProxies trusts every address, for this reason: {Reason}. Forwarded headers from any caller that reaches the app are believed.")]
    public static partial void TrustAnyAddress(ILogger logger, string reason);
}
