using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady.Common;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Primitives;

namespace ProductionReady;

/// <summary>
/// Runs the code lambda of <c>AddProductionReady(o => ...)</c> once. The capabilities' options are
/// created together, each through its own standard pipeline (its section bound, the app's
/// <c>Configure</c>/<c>PostConfigure</c> applied), put under one <see cref="ProductionReadyOptions"/> root,
/// and the lambda runs once on that root; each capability's <see cref="IOptions{TOptions}"/> is then the
/// very instance the lambda saw, validated by that capability's validators when it is first asked for.
/// </summary>
/// <remarks>
/// Every consumer (<c>IOptions</c>, <c>IOptionsMonitor</c>, <c>IOptionsSnapshot</c>) gets the instance of
/// the current set. When the configuration reloads, the next request builds a new set, and the lambda
/// runs once for it. Named options are not touched.
/// </remarks>
internal sealed class ProductionReadyOptionsComposer
{
    private readonly IServiceProvider _services;
    private readonly Action<ProductionReadyOptions>[] _configure;
    private readonly object _gate = new();
    private readonly Dictionary<Type, object> _set = [];
    private readonly Dictionary<Type, Exception> _failed = [];
    private volatile bool _stale = true;
    private bool _composing;

    public ProductionReadyOptionsComposer(IServiceProvider services, IEnumerable<ConfigureRoot> configure)
    {
        _services = services;
        _configure = configure.Select(c => c.Configure).OfType<Action<ProductionReadyOptions>>().ToArray();
        var configuration = services.GetRequiredService<IConfiguration>();
        ChangeToken.OnChange(configuration.GetReloadToken, () => _stale = true);
    }

    /// <summary>Registers the composition for the root and every capability's options, once; each distinct lambda once.</summary>
    public static void Register(IServiceCollection services, Action<ProductionReadyOptions>? configure)
    {
        if (configure is not null && !services.Any(d => d.ImplementationInstance is ConfigureRoot existing && existing.Configure == configure))
        {
            services.AddSingleton(new ConfigureRoot(configure));
        }

        if (services.Any(d => d.ServiceType == typeof(ProductionReadyOptionsComposer)))
        {
            return;
        }

        CapabilityOptions.Bind<ProductionReadyOptions>(services, ProductionReadyOptions.SectionName, static (section, o) => section.Bind(o));
        services.AddSingleton(new ReadSection(typeof(ProductionReadyOptions), ProductionReadyOptions.SectionName));
        services.AddSingleton<ProductionReadyOptionsComposer>(sp => new ProductionReadyOptionsComposer(sp, sp.GetServices<ConfigureRoot>()));
        services.AddTransient<IOptionsFactory<ProductionReadyOptions>, ComposedOptionsFactory<ProductionReadyOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadyHealthOptions>, ComposedOptionsFactory<ProductionReadyHealthOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadyLoggingOptions>, ComposedOptionsFactory<ProductionReadyLoggingOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadySecretsOptions>, ComposedOptionsFactory<ProductionReadySecretsOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadySecurityHeadersOptions>, ComposedOptionsFactory<ProductionReadySecurityHeadersOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadyMetricsOptions>, ComposedOptionsFactory<ProductionReadyMetricsOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadyRateLimitsOptions>, ComposedOptionsFactory<ProductionReadyRateLimitsOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadyForwardedHeadersOptions>, ComposedOptionsFactory<ProductionReadyForwardedHeadersOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadyCorsOptions>, ComposedOptionsFactory<ProductionReadyCorsOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadyResilienceOptions>, ComposedOptionsFactory<ProductionReadyResilienceOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadyInfoOptions>, ComposedOptionsFactory<ProductionReadyInfoOptions>>();
        services.AddTransient<IOptionsFactory<ProductionReadySecurityEventsOptions>, ComposedOptionsFactory<ProductionReadySecurityEventsOptions>>();

        // The service name is the root's own setting: handed to the identity through the identity's options.
        services.AddSingleton<IPostConfigureOptions<ServiceIdentityOptions>>(sp => new PostConfigureOptions<ServiceIdentityOptions, ProductionReadyOptionsComposer>(
            Options.DefaultName, sp.GetRequiredService<ProductionReadyOptionsComposer>(), static (identity, composer) => identity.ServiceName = ComposedServiceName(composer) ?? identity.ServiceName));
    }

    // Binding the root binds every capability's section too: when one of their values is unreadable, the
    // name stays the configured one, so the startup report can still be logged under it.
    private static string? ComposedServiceName(ProductionReadyOptionsComposer composer)
    {
        try
        {
            return composer.Take<ProductionReadyOptions>().ServiceName is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The instance of <typeparamref name="TOptions"/> from the current set, composed (the lambda run once) on first use and after a configuration reload.</summary>
    public TOptions Take<TOptions>()
        where TOptions : class
    {
        lock (_gate)
        {
            if (_stale)
            {
                if (_composing)
                {
                    // A capability's configuration step asked for another capability's options.
                    throw new InvalidOperationException(
                        $"{typeof(TOptions).Name} was requested while the ProductionReady options were being composed: a Configure/PostConfigure step of one capability's options must not read another's.");
                }

                _composing = true;
                try
                {
                    ComposeSet();
                    _stale = false;
                }
                finally
                {
                    _composing = false;
                }
            }

            if (_failed.TryGetValue(typeof(TOptions), out var failure))
            {
                // This capability's section cannot be bound; the others are not held hostage by it.
                ExceptionDispatchInfo.Throw(failure);
            }

            return (TOptions)_set[typeof(TOptions)];
        }
    }

    private void ComposeSet()
    {
        _failed.Clear();
        var root = Configured<ProductionReadyOptions>();
        root.Health = Configured<ProductionReadyHealthOptions>();
        root.Logging = Configured<ProductionReadyLoggingOptions>();
        root.Secrets = Configured<ProductionReadySecretsOptions>();
        root.SecurityHeaders = Configured<ProductionReadySecurityHeadersOptions>();
        root.Metrics = Configured<ProductionReadyMetricsOptions>();
        root.RateLimits = Configured<ProductionReadyRateLimitsOptions>();
        root.ForwardedHeaders = Configured<ProductionReadyForwardedHeadersOptions>();
        root.Cors = Configured<ProductionReadyCorsOptions>();
        root.Resilience = Configured<ProductionReadyResilienceOptions>();
        root.Info = Configured<ProductionReadyInfoOptions>();
        root.SecurityEvents = Configured<ProductionReadySecurityEventsOptions>();

        // The one run of the app's lambda (of each, if AddProductionReady was called more than once),
        // after every section is bound: code wins over configuration.
        foreach (var configure in _configure)
        {
            configure(root);
        }

        _set[typeof(ProductionReadyOptions)] = root;
        _set[typeof(ProductionReadyHealthOptions)] = root.Health;
        _set[typeof(ProductionReadyLoggingOptions)] = root.Logging;
        _set[typeof(ProductionReadySecretsOptions)] = root.Secrets;
        _set[typeof(ProductionReadySecurityHeadersOptions)] = root.SecurityHeaders;
        _set[typeof(ProductionReadyMetricsOptions)] = root.Metrics;
        _set[typeof(ProductionReadyRateLimitsOptions)] = root.RateLimits;
        _set[typeof(ProductionReadyForwardedHeadersOptions)] = root.ForwardedHeaders;
        _set[typeof(ProductionReadyCorsOptions)] = root.Cors;
        _set[typeof(ProductionReadyResilienceOptions)] = root.Resilience;
        _set[typeof(ProductionReadyInfoOptions)] = root.Info;
        _set[typeof(ProductionReadySecurityEventsOptions)] = root.SecurityEvents;
    }

    // The standard pipeline without validation: validation comes after the lambda, per capability.
    // A section the binder cannot read fails only its own capability (its instance stays a default one
    // the lambda may touch harmlessly); the startup report names the key.
    private TOptions Configured<TOptions>()
        where TOptions : class, new()
    {
        var factory = new OptionsFactory<TOptions>(
            _services.GetServices<IConfigureOptions<TOptions>>(),
            _services.GetServices<IPostConfigureOptions<TOptions>>(),
            []);
        try
        {
            return factory.Create(Options.DefaultName);
        }
        catch (InvalidOperationException ex)
        {
            _failed[typeof(TOptions)] = ex;
            return new TOptions();
        }
    }

    /// <summary>The lambda given to one <c>AddProductionReady</c> call.</summary>
    internal sealed record ConfigureRoot(Action<ProductionReadyOptions>? Configure);
}

/// <summary>
/// The options factory of one capability under <c>AddProductionReady</c>: its default-named instance
/// comes from <see cref="ProductionReadyOptionsComposer"/>, then its own validators judge it as the
/// standard factory would.
/// </summary>
internal sealed class ComposedOptionsFactory<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions> : IOptionsFactory<TOptions>
    where TOptions : class
{
    private readonly ProductionReadyOptionsComposer _composer;
    private readonly OptionsFactory<TOptions> _standard;
    private readonly IValidateOptions<TOptions>[] _validators;

    public ComposedOptionsFactory(
        ProductionReadyOptionsComposer composer,
        IEnumerable<IConfigureOptions<TOptions>> setups,
        IEnumerable<IPostConfigureOptions<TOptions>> postConfigures,
        IEnumerable<IValidateOptions<TOptions>> validators)
    {
        _composer = composer;
        _validators = validators.ToArray();
        _standard = new OptionsFactory<TOptions>(setups, postConfigures, _validators);
    }

    public TOptions Create(string name)
    {
        if (name != Options.DefaultName)
        {
            return _standard.Create(name);
        }

        var options = _composer.Take<TOptions>();
        var failures = new List<string>();
        foreach (var validator in _validators)
        {
            var result = validator.Validate(name, options);
            if (result is { Failed: true })
            {
                failures.AddRange(result.Failures ?? [result.FailureMessage]);
            }
        }

        return failures.Count == 0 ? options : throw new OptionsValidationException(name, typeof(TOptions), failures);
    }
}
