using Microsoft.AspNetCore.Routing;

namespace ProductionReady.Common;

/// <summary>
/// The default container, built as the host would build it, then checked before <c>builder.Build()</c>
/// returns: the settings (<see cref="StartupChecks"/>), then the <see cref="IPreStartCheck"/>s (secret
/// validation), so that a refusal comes before any of the app's code after <c>Build()</c> (a migration,
/// a seed). The host lifetime is wrapped so that the reserved-paths check, which needs the app's routes,
/// runs when the host starts, after the app has mapped its endpoints and before any hosted service starts.
/// </summary>
internal sealed class CheckingServiceProviderFactory : IServiceProviderFactory<IServiceCollection>
{
    private readonly ServiceProviderOptions _options;

    public CheckingServiceProviderFactory(ServiceProviderOptions options) => _options = options;

    public IServiceCollection CreateBuilder(IServiceCollection services) => services;

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
    {
        var sections = containerBuilder.Select(d => d.ImplementationInstance).OfType<CheckedSection>().Distinct().ToArray();
        var mode = containerBuilder.Select(d => d.ImplementationInstance).OfType<ContainerBuiltMode>().LastOrDefault();
        WrapHostLifetime(containerBuilder);
        foreach (var change in BeforeBuild(containerBuilder))
        {
            change.Apply(containerBuilder);
        }

        var provider = containerBuilder.BuildServiceProvider(_options);
        var problems = StartupChecks.FindProblems(provider, sections);
        if (mode is not null)
        {
            mode.Run(provider, problems);
        }

        if (problems.Count == 0)
        {
            RunPreStartChecks(provider);
            LogSettingWarnings(provider);
            return provider;
        }

        var exception = StartupReport.Refuse(problems, Console.Error, StartupReport.TryCreateLogger(provider));

        // Flushes the log pipeline before the exception leaves Build().
        provider.Dispose();
        throw exception;
    }

    // The registered last changes: instances, since there is no container yet to create them.
    private static IBeforeContainerBuild[] BeforeBuild(IServiceCollection services) =>
        services.Select(d => d.ImplementationInstance).OfType<IBeforeContainerBuild>().ToArray();

    // A check refuses by throwing an exception it has already reported: the container is disposed first
    // (the log pipeline flushed), as for a settings refusal, and the exception leaves Build().
    private static void RunPreStartChecks(ServiceProvider provider)
    {
        try
        {
            foreach (var check in provider.GetServices<IPreStartCheck>())
            {
                check.Run();
            }
        }
        catch (Exception ex) when (StartupExit.IsReported(ex))
        {
            provider.Dispose();
            throw;
        }
    }

    // Once per start, after the settings passed: valid, but dangerous where the app runs.
    private static void LogSettingWarnings(ServiceProvider provider)
    {
        var sources = provider.GetServices<ISettingWarnings>().ToArray();
        if (sources.Length == 0 || provider.GetService<IHostEnvironment>() is not { } environment
            || StartupReport.TryCreateLogger(provider) is not { } logger)
        {
            return;
        }

        foreach (var warning in sources.SelectMany(s => s.Find(environment)))
        {
            StartupReportLog.DangerousSetting(logger, warning.Key, warning.Message);
        }
    }

    private static void WrapHostLifetime(IServiceCollection services)
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostLifetime))
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return;
        }

        var inner = services[index];
        services[index] = ServiceDescriptor.Singleton<IHostLifetime>(sp => new CheckingHostLifetime(Create(sp, inner), sp));
    }

    private static IHostLifetime Create(IServiceProvider services, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IHostLifetime instance } => instance,
        { ImplementationFactory: { } factory } => (IHostLifetime)factory(services),
        { ImplementationType: { } type } => (IHostLifetime)ActivatorUtilities.CreateInstance(services, type),
        _ => throw new InvalidOperationException("The registered IHostLifetime cannot be created."),
    };

    /// <summary>
    /// Runs the path check first thing in host start (the app's routes are mapped by then): the host has
    /// not resolved a single hosted service yet, and a refusal here leaves <c>app.Run()</c> without the
    /// host logging a stack trace.
    /// </summary>
    private sealed class CheckingHostLifetime : IHostLifetime, IDisposable, IAsyncDisposable
    {
        private readonly IHostLifetime _inner;
        private readonly IServiceProvider _services;

        public CheckingHostLifetime(IHostLifetime inner, IServiceProvider services)
        {
            _inner = inner;
            _services = services;
        }

        public Task WaitForStartAsync(CancellationToken cancellationToken)
        {
            var owners = _services.GetServices<IReservedPaths>();
            var (problems, answered) = ReservedPathsCheck.Check(owners, _services.GetRequiredService<AppEndpoints>().Snapshot(_services.GetService<EndpointDataSource>()));
            var logger = StartupReport.TryCreateLogger(_services);
            if (problems.Count > 0)
            {
                throw StartupReport.Refuse(problems, Console.Error, logger);
            }

            if (logger is not null)
            {
                foreach (var (path, endpoint) in answered)
                {
                    StartupReportLog.HealthEndpointShadowed(logger, endpoint, path.Path, path.ConfigurationKey);
                }
            }

            return _inner.WaitForStartAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => _inner.StopAsync(cancellationToken);

        public void Dispose() => (_inner as IDisposable)?.Dispose();

        public ValueTask DisposeAsync()
        {
            if (_inner is IAsyncDisposable asyncDisposable)
            {
                return asyncDisposable.DisposeAsync();
            }

            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
