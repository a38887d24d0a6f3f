using ProductionReady;
using ProductionReady.TestSupport;

namespace ProductionReady.IntegrationTests.SecurityHeaders;

/// <summary>A <see cref="TestHost"/> on real Kestrel at 127.0.0.1, its log events captured.</summary>
internal static class KestrelApp
{
    /// <summary>Starts an app; <paramref name="withSecurityHeaders"/> false gives a plain app (the "other origin").</summary>
    public static Task<TestHost> StartAsync(bool withSecurityHeaders, Action<WebApplication> map, Action<ProductionReadySecurityHeadersOptions>? configure = null)
        => TestHost.StartAsync(
            builder =>
            {
                if (withSecurityHeaders)
                {
                    builder.AddProductionReadySecurityHeaders(configure);
                }
            },
            app =>
            {
                if (withSecurityHeaders)
                {
                    app.UseProductionReadySecurityHeaders();
                }

                map(app);
            },
            server: TestServerKind.Kestrel);
}
