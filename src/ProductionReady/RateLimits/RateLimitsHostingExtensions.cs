using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.RateLimits;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the rate-limit presets on their own.</summary>
public static class RateLimitsHostingExtensions
{
    /// <summary>
    /// Adds the rate-limit presets <c>auth</c>, <c>api</c> and <c>uploads</c> (and the optional global limit)
    /// to the framework's rate limiter, configured from <c>ProductionReady:RateLimits</c> and then from
    /// <paramref name="configure"/>; validated at startup. Limits are per client (the authenticated user,
    /// else the client address); a rejection is answered 429 with <c>Retry-After</c> and a ProblemDetails
    /// body. Apply a preset with <c>.RequireRateLimiting("auth")</c> or <c>[EnableRateLimiting("auth")]</c>,
    /// and add the middleware with <c>app.UseProductionReadyRateLimits()</c> (or <c>app.UseProductionReady()</c>).
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyRateLimits(this IHostApplicationBuilder builder, Action<ProductionReadyRateLimitsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (CapabilityOptions.Add<ProductionReadyRateLimitsOptions, RateLimitsOptionsValidator>(builder, ProductionReadyRateLimitsOptions.SectionName, configure, static (section, o) => section.Bind(o)))
        {
            services.AddRateLimiter(_ => { });
            services.AddSingleton<RateLimitPresets>();
            services.AddSingleton<IConfigureOptions<RateLimiterOptions>>(sp => sp.GetRequiredService<RateLimitPresets>());
            services.AddSingleton<RateLimiterPlacement>();
            services.AddSingleton<IStartupFilter>(sp => sp.GetRequiredService<RateLimiterPlacement>());

            // Not idempotent itself (it adds an options configuration each call): once, with the capability.
            services.AddMetrics();
        }

        services.TryAddSingleton<IRateLimiterStore>(sp => sp.GetService<IRateLimitBudgetStore>() is { } store
            ? new BudgetStoreRateLimiterStore(store, sp.GetService<ServiceIdentity>()?.Name ?? sp.GetRequiredService<IHostEnvironment>().ApplicationName)
            : new LocalRateLimiterStore());
        services.TryAddSingleton<RateLimitExemptions>();
        services.TryAddSingleton<RateLimitRejections>();
        services.TryAddSingleton<RateLimitRejectionLog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISettingWarnings, RateLimitsSettingWarnings>());
        services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
