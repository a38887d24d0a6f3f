using System.Net;

namespace ProductionReady.TestSupport;

/// <summary>
/// The health probes on a <see cref="TestHost"/>: in memory (requests carry the remote address a test chooses) or on
/// real Kestrel at 127.0.0.1. Compiled into the test projects that start the probes.
/// </summary>
internal static class ProbeTestHost
{
    public static Task<TestHost> StartAsync(
        Action<ProductionReadyHealthOptions>? options = null,
        Action<WebApplicationBuilder>? services = null,
        Action<WebApplication>? pipeline = null,
        string environment = "Production",
        bool start = true,
        TestServerKind server = TestServerKind.InMemory)
        => TestHost.StartAsync(
            builder =>
            {
                builder.AddProductionReadyHealth(o =>
                {
                    o.DrainDelay = TimeSpan.Zero;
                    options?.Invoke(o);
                });
                services?.Invoke(builder);
            },
            app =>
            {
                app.UseProductionReadyHealth();
                pipeline?.Invoke(app);
                app.MapGet("/", () => "app");
            },
            environment,
            server,
            start: start);

    /// <summary>The status <paramref name="path"/> answers through <see cref="TestHost.Client"/>.</summary>
    public static async Task<HttpStatusCode> GetStatusAsync(this TestHost app, string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
