using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using ProductionReady.Common;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;
using Serilog.Sinks.SystemConsole.Themes;

namespace ProductionReady.Logging;

/// <summary>
/// The Serilog pipeline behind Microsoft.Extensions.Logging, built once from the options when the first
/// logger is created: stage (enrich, mask) → [the <c>Serilog</c> section's settings, when present] →
/// output (CLEF or text, through <see cref="BatchingLogSink"/>: never blocking the caller on stdout).
/// Disposed with the host, which flushes it; process-exit and unhandled-exception hooks flush it for the
/// paths that end the process without disposing the host.
/// </summary>
internal sealed class LogPipeline : IDisposable
{
    internal const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    private readonly Logger _logger;
    private readonly BatchingLogSink? _batching;
    private int _disposed;

    public LogPipeline(
        IOptions<ProductionReadyLoggingOptions> options,
        IHostEnvironment environment,
        IConfiguration configuration,
        ServiceIdentity identity,
        LogDestination destination,
        IServiceProvider services)
    {
        if (services.GetService<LogPipelineActivation>() is { } activation)
        {
            // First: reading the options below runs their validation, which asks for this.
            activation.Created = true;
        }

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

        var isJson = settings.Format == LogFormat.Json || (settings.Format == LogFormat.Auto && !environment.IsDevelopment());

        ExportsToOpenTelemetry = settings.Otlp;
        ILogEventSink output;
        if (!settings.Stdout)
        {
            // The collector is the only log store (the validation made sure OTLP export is on): nothing on stdout.
            output = new LoggerConfiguration().CreateLogger();
        }
        else if (!isJson && ReferenceEquals(destination, LogDestination.Stdout) && !Console.IsOutputRedirected)
        {
            // A developer's terminal: Serilog's colored console output.
            output = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Console(outputTemplate: TextTemplate, theme: AnsiConsoleTheme.Code, formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();
        }
        else
        {
            ITextFormatter formatter = isJson
                ? settings.RenderMessage ? new RenderedCompactJsonFormatter() : new CompactJsonFormatter()
                : new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture);
            output = _batching = new BatchingLogSink(
                formatter,
                destination,
                new LogMetrics(services.GetService<IMeterFactory>()),
                LogEventStage.IdentityProperties(identity));
        }

        if (!isJson)
        {
            // Text has no quoting of its own: a CR, LF or ESC from a request would forge lines or drive the terminal.
            output = new ControlCharacterEscaper(output);
        }

        // Levels come from Logging:LogLevel (Microsoft.Extensions.Logging filters before Serilog sees an event).
        // A Serilog section, when present, adds to that: its minimum levels and per-source overrides act on the
        // front logger (overrides bind to each category's logger there), its enrichers and sinks sit behind the
        // masking stage, so a sink configured there never sees a secret either.
        // Native AOT cannot read the section (no dynamic code): the check is on RuntimeFeature itself, so the AOT
        // compiler drops both reads, and the startup report refuses the section (SerilogConfigurationSection).
        var serilog = configuration.GetSection(SerilogConfigurationSection.Name);
        var front = new LoggerConfiguration().MinimumLevel.Verbose().Destructure.With(new MaskedObject.Destructuring());
        if (RuntimeFeature.IsDynamicCodeSupported && serilog.Exists())
        {
            var levels = new ConfigurationBuilder().AddInMemoryCollection(serilog.GetSection("MinimumLevel").AsEnumerable()).Build();
            front = SerilogConfigurationSection.Read(front, levels);
        }

        if (serilog.Exists() || settings.SerilogConfigurations.Count > 0)
        {
            var behind = new LoggerConfiguration().MinimumLevel.Verbose();
            if (RuntimeFeature.IsDynamicCodeSupported && serilog.Exists())
            {
                behind = SerilogConfigurationSection.Read(behind, configuration);
            }

            foreach (var configureSerilog in settings.SerilogConfigurations)
            {
                configureSerilog(behind);
            }

            output = behind.WriteTo.Sink(output).CreateLogger();
        }

        var masker = services.GetService<SecretMasker>() ?? new SecretMasker(services.GetService<IKnownSecretValues>());
        var stage = new LogEventStage(output, masker, identity, services.GetService<IHttpContextAccessor>());
        if (_batching is not null && isJson && !settings.RenderMessage && !serilog.Exists() && settings.SerilogConfigurations.Count == 0)
        {
            // Serilog's way is ours alone (no enricher, filter, override or sink of the app's): the one event every request
            // writes can skip it and write the same line itself.
            RequestEvents = new RequestEventWriter(_batching, masker, identity, RequestLoggingMiddleware.RequestCompleted, RequestLoggingMiddleware.Category);
        }

        _logger = front.WriteTo.Sink(stage).CreateLogger();
        foreach (var key in ConsoleSinkKeys(serilog))
        {
            // ProductionReady's own output is the console: a Console sink of the app's prints each event again.
            _logger.ForContext(Constants.SourceContextPropertyName, typeof(LogPipeline).Namespace).Warning(
                "The Serilog section writes to the console ({ConfigurationKey} = Console) and ProductionReady already writes every event to stdout, so every line appears twice. What to do: remove that sink from Serilog:WriteTo (keep the others)",
                key);
        }

        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
    }

    public Serilog.ILogger Logger => _logger;

    /// <summary>The request completion event's direct CLEF writer, when nothing of the app's sits in Serilog's way; else null.</summary>
    public RequestEventWriter? RequestEvents { get; }

    /// <summary>Whether events also go to OpenTelemetry's logger provider (<see cref="ProductionReadyLoggingOptions.Otlp"/>).</summary>
    public bool ExportsToOpenTelemetry { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;

            // Disposes the stage and the batching sink: what is buffered is written within its flush timeout.
            _logger.Dispose();
        }
    }

    /// <summary>
    /// The keys of Console sinks in the Serilog section's <c>WriteTo</c>, as Serilog.Settings.Configuration reads
    /// them: <c>WriteTo:0:Name</c>, <c>WriteTo:Console:Name</c>, the short form <c>WriteTo:0</c> = <c>Console</c>,
    /// and a sink wrapped by another (<c>Async</c>'s <c>Args:configure</c>).
    /// </summary>
    internal static IReadOnlyList<string> ConsoleSinkKeys(IConfigurationSection serilog)
    {
        var writeTo = serilog.GetSection("WriteTo");
        var keys = new List<string>();
        foreach (var (key, value) in writeTo.AsEnumerable())
        {
            if (!string.Equals(value, "Console", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parent = key[..Math.Max(0, key.LastIndexOf(':'))];
            if (key.EndsWith(":Name", StringComparison.OrdinalIgnoreCase) || string.Equals(parent, writeTo.Path, StringComparison.OrdinalIgnoreCase))
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until every event logged so far is written.</summary>
    public bool Flush(TimeSpan timeout) => _batching?.Flush(timeout) ?? true;

    private void OnProcessExit(object? sender, EventArgs e) => Flush(BatchingLogSink.FlushTimeout);

    // The process is about to end: the exception is logged, and what is buffered is written first.
    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        _logger.Write(LogEventLevel.Fatal, e.ExceptionObject as Exception, "Unhandled exception: the process ends");
        Flush(BatchingLogSink.FlushTimeout);
    }
}
