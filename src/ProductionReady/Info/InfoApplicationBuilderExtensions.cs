using ProductionReady;
using ProductionReady.Common;
using ProductionReady.Info;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the info endpoint to the request pipeline on its own.</summary>
public static class InfoApplicationBuilderExtensions
{
    /// <summary>
    /// Answers <c>/info</c> and <c>/info/log-levels</c> (<see cref="ProductionReadyInfoOptions.Path"/>) to the callers
    /// <see cref="ProductionReadyInfoOptions.Access"/> allows (loopback by default) and 404 to everyone else. Call it
    /// before the metrics endpoint (so it answers on the management port), the probes, HTTPS redirection and
    /// authentication, as <c>app.UseProductionReady()</c> does.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IApplicationBuilder UseProductionReadyInfo(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var endpoint = app.ApplicationServices.GetService<InfoEndpoint>()
            ?? throw new InvalidOperationException(
                "UseProductionReadyInfo needs the info services: call builder.AddProductionReadyInfo() (or builder.AddProductionReady()) before building the app.");
        if (!app.ApplicationServices.GetRequiredService<IOptions<ProductionReadyInfoOptions>>().Value.Enabled)
        {
            return app;
        }

        AppEndpoints.Track(app);
        app.Use(endpoint.InvokeAsync);
        return app;
    }
}
