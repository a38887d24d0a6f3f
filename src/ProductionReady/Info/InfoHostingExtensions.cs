using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.Info;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the info endpoint and run-time log levels on their own.</summary>
public static class InfoHostingExtensions
{
    /// <summary>
    /// Adds the insiders' info endpoint (<c>/info</c>: version, commit, build time, runtime, environment, uptime, the
    /// capabilities and ProductionReady's settings with every secret masked) and run-time log levels
    /// (<c>/info/log-levels</c>: one category's level changed for a limited time, falling back by itself), answered by
    /// <c>app.UseProductionReadyInfo()</c> (or <c>app.UseProductionReady()</c>) to the callers
    /// <see cref="ProductionReadyInfoOptions.Access"/> allows and 404 to everyone else; configured from
    /// <c>ProductionReady:Info</c> and then from <paramref name="configure"/>, validated at startup.
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyInfo(this IHostApplicationBuilder builder, Action<ProductionReadyInfoOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!CapabilityOptions.Add<ProductionReadyInfoOptions, ProductionReadyInfoOptionsValidator>(
            builder, ProductionReadyInfoOptions.SectionName, configure, static (section, o) => section.Bind(o)))
        {
            return builder;
        }

        var services = builder.Services;
        ServiceIdentity.Register(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LogLevelOverrides>();

        // The levels act where every provider's level is decided: the logger factory's filter options.
        services.AddSingleton<IConfigureOptions<LoggerFilterOptions>>(sp => sp.GetRequiredService<LogLevelOverrides>());
        services.AddSingleton<IOptionsChangeTokenSource<LoggerFilterOptions>>(sp => sp.GetRequiredService<LogLevelOverrides>());
        services.TryAddSingleton<InfoDocument>();
        services.TryAddSingleton<InfoEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IManagementPortPaths, InfoManagementPortPaths>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPreStartCheck, InfoPolicyCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReservedPaths, InfoReservedPaths>());
        ConnectionPeer.Register(services);
        return builder;
    }
}
