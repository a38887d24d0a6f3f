using Microsoft.AspNetCore.Hosting;
using System.Collections.Concurrent;
using ProductionReady;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Headers;

/// <summary>A WebApplication on real Kestrel at http://127.0.0.1:{free port}, its log events captured.</summary>
internal sealed class KestrelApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelApp(WebApplication app, int port, ConcurrentQueue<(string EventName, IReadOnlyDictionary<string, object?> Properties)> events)
    {
        _app = app;
        Origin = $"http://127.0.0.1:{port}";
        Events = events;
    }

    public string Origin { get; }

    public ConcurrentQueue<(string EventName, IReadOnlyDictionary<string, object?> Properties)> Events { get; }

    /// <summary>Starts an app; <paramref name="withSecurityHeaders"/> false gives a plain app (the "other origin").</summary>
    public static async Task<KestrelApp> StartAsync(bool withSecurityHeaders, Action<WebApplication> map, Action<SecurityHeadersOptions>? configure = null)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var events = new ConcurrentQueue<(string, IReadOnlyDictionary<string, object?>)>();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new EventCapture(events));
        if (withSecurityHeaders)
        {
            builder.AddProductionReadySecurityHeaders(configure);
        }

        var app = builder.Build();
        if (withSecurityHeaders)
        {
            app.UseProductionReadySecurityHeaders();
        }

        map(app);
        await app.StartAsync();
        return new KestrelApp(app, port, events);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class EventCapture(ConcurrentQueue<(string, IReadOnlyDictionary<string, object?>)> events) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name is { } name && state is IReadOnlyList<KeyValuePair<string, object?>> properties)
            {
                events.Enqueue((name, properties.ToDictionary(p => p.Key, p => p.Value)));
            }
        }
    }
}
