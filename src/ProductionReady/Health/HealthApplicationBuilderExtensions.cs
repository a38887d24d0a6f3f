using ProductionReady.Common;
using ProductionReady.Health;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the health probes to the request pipeline on its own.</summary>
public static class HealthApplicationBuilderExtensions
{
    /// <summary>
    /// Answers the probe paths (<c>/health/live</c>, <c>/health/ready</c>, <c>/health/startup</c>,
    /// <c>/health</c> by default) in every environment. Call it before HTTPS redirection,
    /// authentication and rate limiting: the probes short-circuit, so kubelets probing over plain
    /// HTTP without credentials are answered, while the report's details policy still holds.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddProductionReadyHealth</c> was not called.</exception>
    public static IApplicationBuilder UseProductionReadyHealth(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CapabilityRegistration.EnsureAdded<ApplicationAvailability>(app, "Health");

        AppEndpoints.Track(app);
        return app.UseMiddleware<ProbeMiddleware>();
    }
}
