using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.Cors;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the configured CORS policy on its own.</summary>
public static class CorsHostingExtensions
{
    /// <summary>
    /// Makes <c>ProductionReady:Cors</c> (then <paramref name="configure"/>) the app's default CORS policy:
    /// exact origins, the configured methods and headers, credentials only when asked. Validated at startup:
    /// outside Development a wildcard, a plain <c>http://</c> origin, an origin with a path or credentials with
    /// a wildcard stop the host with a report naming the key. With no origin listed nothing changes.
    /// Add the middleware with <c>app.UseProductionReadyCors()</c> (or <c>app.UseProductionReady()</c>).
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyCors(this IHostApplicationBuilder builder, Action<ProductionReadyCorsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (CapabilityOptions.Add<ProductionReadyCorsOptions, CorsOptionsValidator>(builder, ProductionReadyCorsOptions.SectionName, configure, static (section, o) =>
        {
            ConfiguredListsReplaceDefaults(o, section);
            section.Bind(o);
        }))
        {
            services.AddCors();
            services.AddSingleton<IConfigureOptions<CorsOptions>, CorsDefaultPolicy>();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISettingWarnings, CorsSettingWarnings>());

        return builder;
    }

    // Methods and headers set in configuration replace the defaults (the binder alone would append to them), so that
    // AllowedMethods: ["GET"] allows GET only, and a refused entry is reported at the index the configuration gave it.
    private static void ConfiguredListsReplaceDefaults(ProductionReadyCorsOptions options, IConfiguration section)
    {
        if (section.GetSection(nameof(ProductionReadyCorsOptions.AllowedMethods)).GetChildren().Any())
        {
            options.AllowedMethods.Clear();
        }

        if (section.GetSection(nameof(ProductionReadyCorsOptions.AllowedHeaders)).GetChildren().Any())
        {
            options.AllowedHeaders.Clear();
        }
    }
}
