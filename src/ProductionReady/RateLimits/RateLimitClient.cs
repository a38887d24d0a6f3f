using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace ProductionReady.RateLimits;

/// <summary>
/// Who a request is counted against: the authenticated user's name when there is one, else the client
/// address (<see cref="ConnectionInfo.RemoteIpAddress"/>, which the forwarded-headers handling sets to
/// the real client behind trusted proxies). The partition key is that very object (the user name string
/// or the <see cref="IPAddress"/> instance the server already holds), so choosing it allocates nothing;
/// a string never equals an <see cref="IPAddress"/>, so a user named like an address gets a bucket of its own.
/// </summary>
internal static class RateLimitClient
{
    /// <summary>The one bucket of requests with no client address (Unix sockets, in-memory servers).</summary>
    public static readonly object UnknownAddress = new UnknownClient();

    /// <summary>The one bucket per policy of clients that found the partitions at their bound (<see cref="RateLimitPartitionBudget"/>).</summary>
    public static readonly object Overflow = new OverflowClients();

    /// <summary>The partition key of <paramref name="context"/>'s client.</summary>
    public static object Of(HttpContext context)
    {
        // Through the feature, not HttpContext.User: the latter creates an anonymous principal when
        // there is none, an allocation on every unauthenticated request.
        if (context.Features.Get<IHttpAuthenticationFeature>()?.User?.Identity is { IsAuthenticated: true } identity
            && (identity.Name ?? (identity as ClaimsIdentity)?.FindFirst(ClaimTypes.NameIdentifier)?.Value) is { Length: > 0 } user)
        {
            return user;
        }

        return context.Connection.RemoteIpAddress ?? UnknownAddress;
    }

    /// <summary>A stable text form of a partition key, for logs and shared stores: <c>user:alice</c>, <c>ip:203.0.113.7</c>.</summary>
    public static string Describe(object client) => client switch
    {
        string user => "user:" + user,
        IPAddress address => "ip:" + (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address),
        OverflowClients => "overflow",
        _ => "ip:unknown",
    };

    private sealed class UnknownClient
    {
        public override string ToString() => "unknown";
    }

    private sealed class OverflowClients
    {
        public override string ToString() => "overflow";
    }
}
