using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProductionReady.Common;

/// <summary>
/// The one registration of a capability's options, shared by every <c>AddProductionReadyXxx</c> method:
/// bound from its configuration section, judged by its one <see cref="IValidateOptions{TOptions}"/> when the
/// host starts, its section checked by the startup report, and the user's code configuration applied after
/// the section. Calling it again adds nothing but a code configuration not seen before.
/// </summary>
/// <remarks>
/// Trimming and Native AOT: the section is bound by the capability's <c>bind</c> delegate, a <c>Bind</c> call on
/// the concrete type that the configuration-binding source generator turns into code, and the validator's
/// constructor is kept by the annotation on <c>TValidator</c>.
/// </remarks>
internal static class CapabilityOptions
{
    /// <summary>
    /// Registers <typeparamref name="TOptions"/> on <paramref name="sectionName"/> (bound by <paramref name="bind"/>:
    /// <c>static (section, o) => section.Bind(o)</c>) with <typeparamref name="TValidator"/>, then
    /// <paramref name="configure"/> once (the same delegate given twice is applied once).
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="sectionName">The section the options are bound from.</param>
    /// <param name="configure">The user's code configuration, applied after the section.</param>
    /// <param name="bind">
    /// Binds the section onto a new instance (the binding source generator turns <c>section.Bind(o)</c> into code); it
    /// may first empty a list with defaults that the section sets, since the binder appends to a list.
    /// </param>
    /// <returns><see langword="true"/> the first time for this options type; the caller registers its services then.</returns>
    public static bool Add<TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(
        IHostApplicationBuilder builder, string sectionName, Action<TOptions>? configure, Action<IConfiguration, TOptions> bind)
        where TOptions : class, new()
        where TValidator : class, IValidateOptions<TOptions>
    {
        var services = builder.Services;
        var first = !services.Any(d => d.ServiceType == typeof(Registered<TOptions>));
        if (first)
        {
            services.AddSingleton(new Registered<TOptions>());
            Bind(services, sectionName, bind).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
            StartupChecks.Install(builder, new CheckedSection<TOptions>(sectionName, bind));
        }

        if (configure is not null && !services.Any(d => d.ImplementationInstance is CodeConfiguration<TOptions> existing && existing.Action == configure))
        {
            services.AddSingleton<IConfigureOptions<TOptions>>(new CodeConfiguration<TOptions>(configure));
        }

        return first;
    }

    /// <summary>
    /// What <c>BindConfiguration(sectionName)</c> does (bind the section, follow its reloads), with the concrete
    /// binder the caller gives instead of the reflection one.
    /// </summary>
    public static OptionsBuilder<TOptions> Bind<TOptions>(IServiceCollection services, string sectionName, Action<IConfiguration, TOptions> bind)
        where TOptions : class
    {
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(sp =>
            new ConfigurationChangeTokenSource<TOptions>(Options.DefaultName, sp.GetRequiredService<IConfiguration>()));
        return services.AddOptions<TOptions>().Configure<IConfiguration>((options, configuration) => bind(configuration.GetSection(sectionName), options));
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
