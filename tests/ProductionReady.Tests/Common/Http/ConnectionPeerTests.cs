using System.Net;
using ProductionReady.Common;

namespace ProductionReady.Tests.Common;

/// <summary>Who is an insider: the connection's own loopback peer, unless it relays a request for someone else.</summary>
public sealed class ConnectionPeerTests
{
    [Theory]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("::1", null, true)]
    [InlineData("::ffff:127.0.0.1", null, true)]
    [InlineData("127.0.0.1", "X-Forwarded-For", false)]
    [InlineData("::1", "Forwarded", false)]
    [InlineData("127.0.0.1", "X-Real-IP", false)]
    [InlineData("10.0.0.7", null, false)]
    public void A_loopback_peer_is_an_insider_only_when_it_relays_no_one(string peer, string? forwardedHeader, bool insider)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        if (forwardedHeader is not null)
        {
            // A proxy on this machine (a sidecar, a local nginx) relaying a caller from anywhere.
            context.Request.Headers[forwardedHeader] = forwardedHeader == "Forwarded" ? "for=203.0.113.7" : "203.0.113.7";
        }

        ConnectionPeer.Capture(context);

        Assert.Equal(insider, ConnectionPeer.IsLoopbackPeer(context));
        Assert.Equal(peer == "10.0.0.7" ? IPAddress.Parse(peer) : null, ConnectionPeer.RemoteAddress(context));
    }
}
