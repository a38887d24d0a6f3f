using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Metrics;

/// <summary>A <see cref="TestHost"/> on real Kestrel at 127.0.0.1 (the metrics gate judges the connection's own peer).</summary>
internal static class LoopbackApp
{
    /// <summary>Starts the app; without <paramref name="pipeline"/>, UseProductionReady and two endpoints.</summary>
    public static Task<TestHost> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication>? pipeline = null)
        => TestHost.StartAsync(configure, pipeline ?? (app =>
        {
            app.UseProductionReady();
            app.MapGet("/", () => "hello");
            app.MapGet("/orders/{id}", (int id) => id);
        }), "Development", TestServerKind.Kestrel);

    /// <summary>A port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
