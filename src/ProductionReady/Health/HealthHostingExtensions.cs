using ProductionReady;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the health probes on its own.</summary>
public static class HealthHostingExtensions
{
    /// <summary>Adds the health probes, configured from <c>ProductionReady:Health</c> and then from <paramref name="configure"/>.</summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyHealthChecks(this IHostApplicationBuilder builder, Action<HealthProbeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<HealthProbeOptions>().BindConfiguration(HealthProbeOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }
}
