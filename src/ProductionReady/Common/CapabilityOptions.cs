using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProductionReady.Common;

/// <summary>
/// The one registration of a capability's options, shared by every <c>AddProductionReadyXxx</c> method:
/// bound from its configuration section, judged by its one <see cref="IValidateOptions{TOptions}"/> when the
/// host starts, its section checked by the startup report, and the user's code configuration applied after
/// the section. Calling it again adds nothing but a code configuration not seen before.
/// </summary>
internal static class CapabilityOptions
{
    /// <summary>
    /// Registers <typeparamref name="TOptions"/> on <paramref name="sectionName"/> with <typeparamref name="TValidator"/>,
    /// then <paramref name="configure"/> once (the same delegate given twice is applied once).
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="sectionName">The section the options are bound from.</param>
    /// <param name="configure">The user's code configuration, applied after the section.</param>
    /// <param name="beforeBinding">
    /// Runs on each new instance just before the section is bound, with that section: e.g. to empty a list with
    /// defaults that the section sets, since the binder appends to a list rather than replacing it.
    /// </param>
    /// <returns><see langword="true"/> the first time for this options type; the caller registers its services then.</returns>
    public static bool Add<TOptions, TValidator>(IHostApplicationBuilder builder, string sectionName, Action<TOptions>? configure, Action<TOptions, IConfigurationSection>? beforeBinding = null)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        var services = builder.Services;
        var first = !services.Any(d => d.ServiceType == typeof(Registered<TOptions>));
        if (first)
        {
            services.AddSingleton(new Registered<TOptions>());
            var options = services.AddOptions<TOptions>();
            if (beforeBinding is not null)
            {
                options.Configure<IConfiguration>((o, configuration) => beforeBinding(o, configuration.GetSection(sectionName)));
            }

            options.BindConfiguration(sectionName).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
            StartupChecks.Install(builder, typeof(TOptions), sectionName);
        }

        if (configure is not null && !services.Any(d => d.ImplementationInstance is CodeConfiguration<TOptions> existing && existing.Action == configure))
        {
            services.AddSingleton<IConfigureOptions<TOptions>>(new CodeConfiguration<TOptions>(configure));
        }

        return first;
    }

    /// <summary>Marks <typeparamref name="TOptions"/> as registered.</summary>
    internal sealed class Registered<TOptions>;

    /// <summary>The user's code configuration, recognisable so the same delegate is added once.</summary>
    private sealed class CodeConfiguration<TOptions>(Action<TOptions> action) : IConfigureOptions<TOptions>
        where TOptions : class
    {
        public Action<TOptions> Action { get; } = action;

        public void Configure(TOptions options) => Action(options);
    }
}
