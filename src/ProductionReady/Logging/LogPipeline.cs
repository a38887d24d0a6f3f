using ProductionReady.Common;
using ProductionReady.Logging.Clef;
using Serilog;
using Serilog.Core;
using Serilog.Formatting.Display;
using Serilog.Sinks.SystemConsole.Themes;

namespace ProductionReady.Logging;

/// <summary>
/// The Serilog pipeline behind Microsoft.Extensions.Logging, built once from the options when the first
/// logger is created: stage (enrich, mask) → [the <c>Serilog</c> section's settings, when present] →
/// console output (CLEF or text). Disposed with the host, which flushes it; a process-exit hook flushes
/// the console for the paths that end the process without disposing the host.
/// </summary>
internal sealed class LogPipeline : IDisposable
{
    internal const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    private readonly Logger _logger;
    private readonly LogDestination _destination;
    private int _disposed;

    public LogPipeline(
        IOptions<ProductionReadyLoggingOptions> options,
        IHostEnvironment environment,
        IConfiguration configuration,
        ServiceIdentity identity,
        LogDestination destination,
        IServiceProvider services)
    {
        _destination = destination;
        ProductionReadyLoggingOptions settings;
        try
        {
            settings = options.Value;
        }
        catch (OptionsValidationException)
        {
            // Invalid logging options must not silence the report of that very failure (ValidateOnStart
            // throws it at startup, and the host logs it): log with the defaults until then.
            settings = new ProductionReadyLoggingOptions();
        }

        IsJson = settings.Format == LogFormat.Json || (settings.Format == LogFormat.Auto && !environment.IsDevelopment());

        ILogEventSink output = IsJson
            ? new ConsoleLineSink(new ClefFormatter(settings.RenderMessage), destination)
            : ReferenceEquals(destination, LogDestination.Stdout)
                ? new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Console(outputTemplate: TextTemplate, theme: AnsiConsoleTheme.Code, formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger()
                : new ConsoleLineSink(new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture), destination);

        // Levels come from Logging:LogLevel (Microsoft.Extensions.Logging filters before Serilog sees an event).
        // A Serilog section, when present, adds to that: its minimum levels and per-source overrides act on the
        // front logger (overrides bind to each category's logger there), its enrichers and sinks sit behind the
        // masking stage, so a sink configured there never sees a secret either.
        var serilog = configuration.GetSection("Serilog");
        var front = new LoggerConfiguration().MinimumLevel.Verbose();
        if (serilog.Exists())
        {
            var levels = new ConfigurationBuilder().AddInMemoryCollection(serilog.GetSection("MinimumLevel").AsEnumerable()).Build();
            front = front.ReadFrom.Configuration(levels);
            output = new LoggerConfiguration().MinimumLevel.Verbose().ReadFrom.Configuration(configuration).WriteTo.Sink(output).CreateLogger();
        }

        var stage = new LogEventStage(
            output,
            new SecretMasker(services.GetService<IKnownSecretValues>()),
            identity,
            services.GetService<IHttpContextAccessor>());
        _logger = front.WriteTo.Sink(stage).CreateLogger();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>True when events are written as CLEF JSON.</summary>
    public bool IsJson { get; }

    public Serilog.ILogger Logger => _logger;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            _logger.Dispose();
            _destination.Flush();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => _destination.Flush();
}
