using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace ProductionReady.Common;

/// <summary>
/// Whether the connection's own peer is this machine, captured as the very first step of the pipeline,
/// before any middleware can rewrite <see cref="ConnectionInfo.RemoteIpAddress"/>. The forwarded-headers
/// middleware (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> trusts every proxy) replaces it with the
/// value of <c>X-Forwarded-For</c>, which any caller can send: "loopback only" must never mean "says it
/// is loopback". Loopback peers share one immutable instance (capturing allocates nothing); a remote
/// peer gets a small instance carrying its address, for gates that allow networks. A request from a
/// loopback peer that carries a forwarded header (<c>X-Forwarded-For</c>, <c>Forwarded</c>, <c>X-Real-IP</c>)
/// was relayed by a proxy on this machine (a sidecar, a local nginx) for someone else: it is not an insider.
/// </summary>
internal sealed class ConnectionPeer
{
    private static readonly ConnectionPeer LoopbackPeer = new(true);
    private static readonly ConnectionPeer UnknownRemotePeer = new(false);

    private ConnectionPeer(bool isLoopback, IPAddress? address = null)
    {
        IsLoopback = isLoopback;
        Address = address;
    }

    /// <summary>True when the TCP peer of the connection is a loopback address.</summary>
    public bool IsLoopback { get; }

    /// <summary>The TCP peer's own address for a remote peer (IPv4-mapped addresses as IPv4); null for loopback or unknown.</summary>
    public IPAddress? Address { get; }

    /// <summary>The captured connection peer's address when it is remote; null when loopback or nothing was captured.</summary>
    public static IPAddress? RemoteAddress(HttpContext context) => context.Features.Get<ConnectionPeer>()?.Address;

    /// <summary>
    /// True only when the captured connection peer is loopback; false when nothing was captured
    /// (fail closed: a pipeline built without the capture grants nothing).
    /// </summary>
    public static bool IsLoopbackPeer(HttpContext context) => context.Features.Get<ConnectionPeer>()?.IsLoopback ?? false;

    public static bool IsLoopbackAddress(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(IPAddresses.Unmap(address));

    /// <summary>Records the connection's own peer on <paramref name="context"/>: the first step of every pipeline that judges callers.</summary>
    public static void Capture(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        context.Features.Set(
            IsLoopbackAddress(address) ? (IsRelayed(context.Request.Headers) ? UnknownRemotePeer : LoopbackPeer)
            : address is null ? UnknownRemotePeer
            : new ConnectionPeer(false, address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
    }

    // A local proxy (an ingress sidecar, a service mesh's, a local nginx) connects from loopback and says whom it relays.
    private static bool IsRelayed(IHeaderDictionary headers) =>
        headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded") || headers.ContainsKey("X-Real-IP");

    /// <summary>
    /// Registers the capture once, as the first startup filter, so it wraps every other one (the
    /// host's forwarded-headers filter included) and runs before any of them.
    /// </summary>
    public static void Register(IServiceCollection services)
    {
        if (services.Any(d => d.ImplementationType == typeof(CaptureStartupFilter)))
        {
            return;
        }

        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, CaptureStartupFilter>());
    }

    private sealed class CaptureStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(static (context, nextMiddleware) =>
            {
                Capture(context);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
