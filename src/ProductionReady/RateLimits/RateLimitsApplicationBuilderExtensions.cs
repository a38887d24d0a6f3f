using ProductionReady.Common;
using ProductionReady.RateLimits;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the rate-limit presets to the request pipeline on their own.</summary>
public static class RateLimitsApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the framework's rate-limiting middleware with the presets, once, where an endpoint has been chosen:
    /// here when routing runs earlier (a minimal-API app, where <c>WebApplication</c> adds routing and
    /// authentication at the front), or, when the app calls <c>app.UseRouting()</c> on the <c>WebApplication</c>
    /// later (the <c>webapp</c> and <c>mvc</c> templates), behind the app's last middleware, just before the
    /// endpoint runs.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same application builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddProductionReadyRateLimits</c> was not called.</exception>
    public static IApplicationBuilder UseProductionReadyRateLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        const string Applied = "ProductionReady.RateLimits.Applied";
        CapabilityRegistration.EnsureAdded<RateLimitPresets>(app, "RateLimits");
        if (app.Properties.ContainsKey(Applied))
        {
            return app;
        }

        app.Properties[Applied] = true;
        return app.ApplicationServices.GetRequiredService<RateLimiterPlacement>().UseAt(app);
    }
}
