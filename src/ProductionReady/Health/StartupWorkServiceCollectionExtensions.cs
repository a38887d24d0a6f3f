using System.Diagnostics.CodeAnalysis;
using ProductionReady;
using ProductionReady.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the startup work the startup probe waits for.</summary>
public static class StartupWorkServiceCollectionExtensions
{
    /// <summary>
    /// Adds <typeparamref name="TWork"/> as startup work: the startup probe and readiness answer 503
    /// until it (and every other registered item) has completed.
    /// </summary>
    /// <typeparam name="TWork">The work; resolved from a fresh service scope, so it may depend on scoped services.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddStartupWork<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TWork>(this IServiceCollection services)
        where TWork : class, IStartupWork
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<TWork>();
        services.AddSingleton(new StartupWorkItem(typeof(TWork).Name, (sp, ct) => sp.GetRequiredService<TWork>().RunAsync(ct)));
        return services;
    }

    /// <summary>
    /// Adds a delegate as startup work: the startup probe and readiness answer 503 until it (and every
    /// other registered item) has completed.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">A name for the logs (e.g. <c>"migrations"</c>).</param>
    /// <param name="work">The work, given a scoped service provider and the shutdown token.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddStartupWork(
        this IServiceCollection services,
        string name,
        Func<IServiceProvider, CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(work);
        services.AddSingleton(new StartupWorkItem(name, work));
        return services;
    }
}
