using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Testing;
using ProductionReady.Secrets;

namespace ProductionReady.Tests.Secrets;

/// <summary>A server that only records whether the host ever started it (i.e. would have listened).</summary>
internal sealed class RecordingServer : IServer
{
    public bool Started { get; private set; }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        Started = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}

internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message);

/// <summary>An app with only secret validation, a recording server, captured logs and captured console output.</summary>
internal sealed class SecretTestHost : IAsyncDisposable
{
    private readonly WebApplication? _app;

    private SecretTestHost(WebApplication? app, Exception? buildFailure, RecordingServer server, FakeLogCollector logs, StringWriter stdout, StringWriter stderr)
    {
        _app = app;
        BuildFailure = buildFailure;
        Server = server;
        Logs = logs;
        Stdout = stdout;
        Stderr = stderr;
    }

    /// <summary>The built app (throws when <c>Build()</c> refused the start).</summary>
    public WebApplication App => _app ?? throw new InvalidOperationException("builder.Build() refused the start: " + BuildFailure?.Message);

    /// <summary>What <c>builder.Build()</c> threw (a refusal in Production comes from there, before any of the app's code after it), or null.</summary>
    public Exception? BuildFailure { get; }

    public RecordingServer Server { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>Every event so far, its exception (when any) after the message.</summary>
    public IReadOnlyList<CapturedLog> Entries => Logs.GetSnapshot()
        .Select(r => new CapturedLog(r.Category ?? string.Empty, r.Level, r.Id, r.Message + (r.Exception is null ? string.Empty : "\n" + r.Exception)))
        .ToArray();

    public StringWriter Stdout { get; }

    public StringWriter Stderr { get; }

    /// <summary>Everything the app wrote: console and log messages.</summary>
    public string AllOutput => Stdout + "\n" + Stderr + "\n" + string.Join("\n", Entries.Select(e => e.Message));

    public IReadOnlyList<CapturedLog> SecretEvents => Entries.Where(e => e.Category == typeof(SecretValidationHostedService).FullName).ToArray();

    public static SecretTestHost Create(
        string environment,
        IReadOnlyDictionary<string, string?> configuration,
        Action<ProductionReadySecretsOptions>? configure = null,
        Action<WebApplicationBuilder>? after = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(configuration);
        var server = new RecordingServer();
        var logs = new FakeLogCollector();
        builder.Services.AddSingleton<IServer>(server);
        builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        builder.AddProductionReadySecrets(configure);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        builder.Services.AddSingleton(new SecretReportOutput(stdout, stderr));
        after?.Invoke(builder);
        WebApplication? app = null;
        Exception? buildFailure = null;
        try
        {
            app = builder.Build();
        }
        catch (SecretValidationException e)
        {
            buildFailure = e;
        }

        return new SecretTestHost(app, buildFailure, server, logs, stdout, stderr);
    }

    /// <summary>Starts the app; returns the exception <c>Build()</c> or host start failed with, or null.</summary>
    public async Task<Exception?> StartAsync()
    {
        if (BuildFailure is not null)
        {
            return BuildFailure;
        }

        try
        {
            await App.StartAsync();
            return null;
        }
#pragma warning disable CA1031 // The test inspects whatever start failed with.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
