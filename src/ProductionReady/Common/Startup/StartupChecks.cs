using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ProductionReady.Common;

/// <summary>
/// Where the startup report is hooked in. <see cref="Install"/> puts a service-provider factory on the
/// builder, so the checks run inside <c>builder.Build()</c> the moment the container exists, before any
/// of the app's code after <c>Build()</c> and before anything reads options:
/// <list type="number">
/// <item>every value of the registered sections the configuration binder cannot convert, all at once;</item>
/// <item>every <c>ValidateOnStart()</c> options registration (ours and the app's), through the host's own
/// <see cref="IStartupValidator"/>, which collects every validator failure.</item>
/// </list>
/// With no problem, still inside <c>Build()</c>, the <see cref="IPreStartCheck"/>s run (secret validation).
/// Then, when <c>app.Run()</c> starts the host and before any hosted service (Kestrel included) starts,
/// the <see cref="IReservedPaths"/> are checked against each other and the app's mapped endpoints (they
/// need the app's routes, which exist only once the app has mapped them after <c>Build()</c>).
/// Any problem: one report on stderr and as one log event, then <see cref="ProductionReadyConfigurationException"/>,
/// which <see cref="StartupExit"/> turns into exit code 1 when the app does not catch it.
/// </summary>
/// <remarks>
/// An app that sets its own container (<c>UseServiceProviderFactory</c>, e.g. Autofac) after this
/// replaces the factory; <see cref="StartupExit"/> still reports each failure cleanly, one at a time.
/// </remarks>
internal static class StartupChecks
{
    /// <summary>Hooks the checks into <paramref name="builder"/> once, and binder-checks <paramref name="section"/>.</summary>
    public static void Install(IHostApplicationBuilder builder, CheckedSection section)
    {
        var services = builder.Services;
        if (!services.Any(d => d.ImplementationInstance is CheckedSection c && c.OptionsType == section.OptionsType && c.SectionName == section.SectionName))
        {
            services.AddSingleton(section);
        }

        StartupExit.ExitCleanlyWhenUnhandled();
        if (services.Any(d => d.ServiceType == typeof(StartupChecksInstalled)))
        {
            return;
        }

        services.TryAddSingleton<StartupChecksInstalled>();
        services.TryAddSingleton<AppEndpoints>();
        var development = builder.Environment.IsDevelopment();
        builder.ConfigureContainer(new CheckingServiceProviderFactory(new ServiceProviderOptions
        {
            // What the host builder itself uses.
            ValidateScopes = development,
            ValidateOnBuild = development,
        }));
    }

    /// <summary>
    /// The settings problems of a freshly built container: binder failures of every checked section,
    /// then every <c>ValidateOnStart</c> failure. Creates (and caches) the validated options.
    /// </summary>
    public static IReadOnlyList<ConfigurationProblem> FindProblems(IServiceProvider provider, IEnumerable<CheckedSection> sections)
    {
        // The logger factory first of all, as the host builds it before validating: it builds its providers (a
        // capability's own among them), and a validator may judge whether that happened.
        try
        {
            provider.GetService<ILoggerFactory>();
        }
        catch (Exception ex) when (ConfigurationProblems.IsConfigurationFailure(ex))
        {
            // A provider whose settings cannot be read: the validation below reports it.
        }

        var problems = new List<ConfigurationProblem>();
        var configuration = provider.GetRequiredService<IConfiguration>();
        var readable = new List<(CheckedSection Section, IConfigurationSection Values)>();
        var binderFailures = new List<ConfigurationProblem>();
        foreach (var section in sections)
        {
            var (failures, values) = section.FindBinderFailures(configuration);
            binderFailures.AddRange(failures);
            readable.Add((section, values));
        }

        problems.AddRange(binderFailures);

        // A mistyped key would keep its default silently.
        var known = sections.Select(s => (s.OptionsType, s.SectionName))
            .Concat(provider.GetServices<ReadSection>().Select(r => (r.Type, r.SectionName)))
            .ToArray();
        problems.AddRange(UnknownKeys.Find(configuration, known));

        if (problems.Count > 0)
        {
            // Options with an unreadable value cannot be created, and the host's validator stops at the
            // first one: every checked section's validators still judge every readable value.
            foreach (var (section, values) in readable)
            {
                problems.AddRange(section.ValidateReadable(provider, values));
            }
        }

        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception ex) when (ConfigurationProblems.IsConfigurationFailure(ex))
        {
            problems.AddRange(ConfigurationProblems.From(ex));
        }

        // The same key found by the binder pass and again by the options that bind it: once. A value the binder
        // cannot convert is reported as such; a validator's view of the same key (it saw the value as text) adds nothing.
        var unconvertible = new HashSet<string>(binderFailures.Select(p => p.Key), StringComparer.OrdinalIgnoreCase);
        return problems
            .Where(p => binderFailures.Contains(p) || !unconvertible.Contains(p.Key))
            .GroupBy(p => p.Key + "\n" + p.Message, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .ToArray();
    }

    /// <summary>Marks the builder as hooked, so the factory is installed once.</summary>
    internal sealed class StartupChecksInstalled;
}

/// <summary>A configuration section whose values the startup check tries to bind to its options type.</summary>
internal abstract class CheckedSection
{
    /// <summary>The options type the section binds to.</summary>
    public abstract Type OptionsType { get; }

    /// <summary>The section's key.</summary>
    public abstract string SectionName { get; }

    /// <summary>Every value of the section the binder cannot convert, and the section without them.</summary>
    public abstract (IReadOnlyList<ConfigurationProblem> Problems, IConfigurationSection Readable) FindBinderFailures(IConfiguration configuration);

    /// <summary>The validators' problems with an instance bound from <paramref name="readable"/>.</summary>
    public abstract IEnumerable<ConfigurationProblem> ValidateReadable(IServiceProvider services, IConfigurationSection readable);
}

/// <summary>
/// <see cref="CheckedSection"/> for <typeparamref name="TOptions"/>, bound by the capability's own delegate: a call
/// on the concrete type, which the configuration-binding source generator turns into code (no reflection, so
/// trimming and Native AOT keep what it binds).
/// </summary>
internal sealed class CheckedSection<TOptions>(string sectionName, Action<IConfiguration, TOptions> bind) : CheckedSection
    where TOptions : class, new()
{
    public override Type OptionsType => typeof(TOptions);

    public override string SectionName => sectionName;

    public override (IReadOnlyList<ConfigurationProblem> Problems, IConfigurationSection Readable) FindBinderFailures(IConfiguration configuration) =>
        ConfigurationProblems.FindBinderFailures(configuration, sectionName, section => bind(section, new TOptions()));

    public override IEnumerable<ConfigurationProblem> ValidateReadable(IServiceProvider services, IConfigurationSection readable)
    {
        var instance = new TOptions();
        bind(readable, instance);
        return ConfigurationProblems.ValidateReadable(services, instance);
    }
}

/// <summary>
/// A section read into <paramref name="Type"/> that the binder check leaves to others (the root, whose sub-sections
/// are the capabilities' own): known to the check for unknown keys.
/// </summary>
internal sealed record ReadSection(Type Type, string SectionName);

/// <summary>
/// Registered (as an instance) by a mode that ends the process once the container exists
/// (<c>--validate-config</c>): it gets the container and the problems found, and never returns normally.
/// </summary>
internal sealed record ContainerBuiltMode(Action<IServiceProvider, IReadOnlyList<ConfigurationProblem>> Run);
