using ProductionReady;
using ProductionReady.Common;
using ProductionReady.SecurityEvents;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the security events' response observer to the request pipeline on its own.</summary>
public static class SecurityEventsApplicationBuilderExtensions
{
    /// <summary>
    /// Records the security events the responses reveal (401, 403, refused CORS preflights). Call it early, before
    /// CORS, authentication and the app's endpoints, as <c>app.UseProductionReady()</c> does. Requires
    /// <c>builder.AddProductionReadySecurityEvents()</c> (or <c>AddProductionReady()</c>).
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IApplicationBuilder UseProductionReadySecurityEvents(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ApplicationServices;
        if (services.GetService<SecurityEventRecorder>() is null)
        {
            throw new InvalidOperationException(
                "UseProductionReadySecurityEvents needs builder.AddProductionReadySecurityEvents() (or builder.AddProductionReady()) before builder.Build().");
        }

        if (!services.GetRequiredService<IOptions<ProductionReadySecurityEventsOptions>>().Value.Enabled)
        {
            return app;
        }

        app.Use(new SecurityEventsMiddleware(services.GetRequiredService<ISecurityEvents>()).InvokeAsync);
        return app;
    }
}
