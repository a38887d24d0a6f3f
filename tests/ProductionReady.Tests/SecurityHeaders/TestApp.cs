using ProductionReady.TestSupport;

namespace ProductionReady.Tests.SecurityHeaders;

/// <summary>The security headers on a <see cref="TestHost"/> (in memory, a content root with wwwroot, Debug events captured).</summary>
internal static class TestApp
{
    /// <summary>Builds and starts the app: <paramref name="pipeline"/> adds what comes after the headers middleware.</summary>
    public static Task<TestHost> StartAsync(
        Action<ProductionReadySecurityHeadersOptions>? configure,
        Action<WebApplication> pipeline,
        string environment = "Development",
        Action<WebApplicationBuilder>? setup = null,
        Action<WebApplication>? beforeHeaders = null)
        => TestHost.StartAsync(
            builder =>
            {
                setup?.Invoke(builder);
                builder.AddProductionReadySecurityHeaders(configure);
            },
            app =>
            {
                beforeHeaders?.Invoke(app);
                app.UseProductionReadySecurityHeaders();
                pipeline(app);
            },
            environment,
            minimumLogLevel: LogLevel.Debug,
            contentRoot: true);

    /// <summary>A client whose requests carry the host name of a deployed service.</summary>
    public static HttpClient CreateClient(this TestHost app) => app.CreateClient("http://service.test/");
}
