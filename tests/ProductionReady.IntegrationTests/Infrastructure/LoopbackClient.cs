using System.Net;
using System.Net.Sockets;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP client whose connections come from a chosen loopback address (127.0.0.2, 127.0.0.3, ...): every
/// address in 127.0.0.0/8 is local on Linux, so each client is a distinct real peer to Kestrel.
/// </summary>
internal static class LoopbackClient
{
    public static HttpClient From(string clientAddress, Uri? baseAddress = null)
    {
        var local = IPAddress.Parse(clientAddress);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}
