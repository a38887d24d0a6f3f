using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.SecurityEvents;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the security events on their own.</summary>
public static class SecurityEventsHostingExtensions
{
    /// <summary>
    /// Counts failed authentication (401), refused authorization (403), refused CORS preflights and CSP
    /// violations on the <c>productionready.security.events</c> counter and logs one summary event per event,
    /// client and window (<c>ProductionReady:SecurityEvents</c>, then <paramref name="configure"/>; validated at
    /// startup). The responses are seen by <c>app.UseProductionReadySecurityEvents()</c> (or <c>app.UseProductionReady()</c>).
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadySecurityEvents(this IHostApplicationBuilder builder, Action<ProductionReadySecurityEventsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!CapabilityOptions.Add<ProductionReadySecurityEventsOptions, ProductionReadySecurityEventsOptionsValidator>(
            builder, ProductionReadySecurityEventsOptions.SectionName, configure, static (section, o) => section.Bind(o)))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SecurityEventRecorder>();

        // The contract other capabilities feed (CSP reports); nothing when switched off.
        services.TryAddSingleton<ISecurityEvents>(sp =>
            sp.GetRequiredService<IOptions<ProductionReadySecurityEventsOptions>>().Value.Enabled
                ? sp.GetRequiredService<SecurityEventRecorder>()
                : NoSecurityEvents.Instance);
        return builder;
    }

    private sealed class NoSecurityEvents : ISecurityEvents
    {
        public static readonly NoSecurityEvents Instance = new();

        public void Record(SecurityEvent securityEvent, HttpContext context)
        {
        }
    }
}
