using ProductionReady;
using ProductionReady.Common;
using ProductionReady.Cors;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the configured CORS policy on its own.</summary>
public static class CorsApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the framework's CORS middleware with the default policy from <c>ProductionReady:Cors</c> when it
    /// lists at least one origin (preflights are answered here); otherwise adds nothing. Requires
    /// <c>builder.AddProductionReadyCors()</c> (or <c>AddProductionReady()</c>).
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same application builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddProductionReadyCors</c> was not called.</exception>
    public static IApplicationBuilder UseProductionReadyCors(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ApplicationServices;
        if (!services.GetServices<IValidateOptions<ProductionReadyCorsOptions>>().OfType<CorsOptionsValidator>().Any())
        {
            throw CapabilityRegistration.Missing("Cors");
        }

        var options = services.GetRequiredService<IOptions<ProductionReadyCorsOptions>>().Value;
        return CorsDefaultPolicy.Origins(options).Length > 0 ? app.UseCors() : app;
    }
}
