namespace ProductionReady.Metrics;

/// <summary>Checks at host start that a configured authorization policy exists, so a typo fails the start, not every scrape.</summary>
internal sealed class MetricsStartup : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly IOptions<ProductionReadyMetricsOptions> _options;

    public MetricsStartup(IServiceProvider services, IOptions<ProductionReadyMetricsOptions> options)
    {
        _services = services;
        _options = options;
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        _options.Value.Enabled ? _services.GetRequiredService<MetricsEndpointGate>().ValidatePolicyAsync(_services) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
