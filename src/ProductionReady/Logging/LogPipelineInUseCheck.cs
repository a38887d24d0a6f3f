using ProductionReady.Common;

namespace ProductionReady.Logging;

/// <summary>
/// Refuses the start when the host's logging does not go through ProductionReady's pipeline: Serilog.AspNetCore's
/// <c>AddSerilog</c>/<c>UseSerilog</c> replaced the <see cref="ILoggerFactory"/>, or <c>ClearProviders()</c> after
/// <c>AddProductionReady()</c> removed our provider. Every event would then bypass the CLEF output and the secret
/// masking, so it is never silent. Runs when the host starts (a pre-start check where the startup checks own the
/// container, else in <see cref="IHostedLifecycleService.StartingAsync"/>), not with the options validation: that
/// runs inside <c>Build()</c>, before anything has asked the logger factory for its providers.
/// </summary>
internal sealed class LogPipelineInUseCheck : IHostedLifecycleService, IPreStartCheck
{
    private readonly IServiceProvider _services;
    private readonly LogPipelineActivation _activation;
    private int _ran;

    public LogPipelineInUseCheck(IServiceProvider services, LogPipelineActivation activation)
    {
        _services = services;
        _activation = activation;
    }

    public void Run()
    {
        if (Interlocked.Exchange(ref _ran, 1) == 1)
        {
            return;
        }

        // Resolving the factory creates its providers: ours builds the pipeline and says so.
        var factory = _services.GetService<ILoggerFactory>();
        if (_activation.Created)
        {
            return;
        }

        var message =
            $"ProductionReady's logging pipeline is not in use (the logger factory is {factory?.GetType().FullName ?? "none"}): " +
            "the app replaced it, e.g. with Serilog's builder.Services.AddSerilog(...) or builder.Host.UseSerilog(...), or removed its provider " +
            "with builder.Logging.ClearProviders() after AddProductionReady(), so events would bypass the CLEF output and the secret masking. " +
            "Remove that call; add Serilog sinks and enrichers with AddProductionReady(o => o.Logging.ConfigureSerilog(lc => ...)) or the \"Serilog\" configuration section.";
        throw StartupReport.Refuse([new ConfigurationProblem(ProductionReadyLoggingOptions.SectionName, message)], Console.Error, StartupReport.TryCreateLogger(_services));
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Run();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
