using ProductionReady;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the security headers on its own.</summary>
public static class SecurityHeadersHostingExtensions
{
    /// <summary>Adds the security headers, configured from <c>ProductionReady:SecurityHeaders</c> and then from <paramref name="configure"/>.</summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadySecurityHeaders(this IHostApplicationBuilder builder, Action<SecurityHeadersOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SecurityHeadersOptions>().BindConfiguration(SecurityHeadersOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }
}
