using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace ProductionReady.Common;

/// <summary>
/// Whether the connection's own peer is this machine, captured as the very first step of the pipeline,
/// before any middleware can rewrite <see cref="ConnectionInfo.RemoteIpAddress"/>. The forwarded-headers
/// middleware (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> trusts every proxy) replaces it with the
/// value of <c>X-Forwarded-For</c>, which any caller can send: "loopback only" must never mean "says it
/// is loopback". One immutable instance per answer: capturing it allocates nothing.
/// </summary>
internal sealed class ConnectionPeer
{
    private static readonly ConnectionPeer LoopbackPeer = new(true);
    private static readonly ConnectionPeer RemotePeer = new(false);

    private ConnectionPeer(bool isLoopback) => IsLoopback = isLoopback;

    /// <summary>True when the TCP peer of the connection is a loopback address.</summary>
    public bool IsLoopback { get; }

    /// <summary>
    /// True only when the captured connection peer is loopback; false when nothing was captured
    /// (fail closed: a pipeline built without the capture grants nothing).
    /// </summary>
    public static bool IsLoopbackPeer(HttpContext context) => context.Features.Get<ConnectionPeer>()?.IsLoopback ?? false;

    public static bool IsLoopbackAddress(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(IPAddresses.Unmap(address));

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
                context.Features.Set(IsLoopbackAddress(context.Connection.RemoteIpAddress) ? LoopbackPeer : RemotePeer);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
