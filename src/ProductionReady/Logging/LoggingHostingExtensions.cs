using ProductionReady;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers CLEF JSON logging, request ids and request logging on its own.</summary>
public static class LoggingHostingExtensions
{
    /// <summary>Adds CLEF JSON logging, request ids and request logging, configured from <c>ProductionReady:Logging</c> and then from <paramref name="configure"/>.</summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyLogging(this IHostApplicationBuilder builder, Action<ProductionReadyLoggingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<ProductionReadyLoggingOptions>().BindConfiguration(ProductionReadyLoggingOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }
}
