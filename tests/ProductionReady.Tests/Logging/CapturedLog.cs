using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using ProductionReady.Common;
using ProductionReady.Logging;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Logging;

/// <summary>ProductionReady logging on an in-memory <see cref="TestHost"/>, writing into memory instead of stdout.</summary>
internal sealed class CapturedLog : IAsyncDisposable
{
    private readonly StringWriter _output = new() { NewLine = "\n" };
    private readonly InFlight _inFlight;
    private readonly TestHost _host;

    private CapturedLog(TestHost host, StringWriter output, InFlight inFlight)
    {
        _host = host;
        _output = output;
        _inFlight = inFlight;
    }

    public WebApplication App => _host.App;

    public HttpClient Client => _host.Client;

    public TestServer Server => _host.Server;

    public IReadOnlyList<string> Lines
    {
        get
        {
            Flush();
            lock (_output)
            {
                return _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    public string Text
    {
        get
        {
            Flush();
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Every line parsed as JSON (fails the test on the first line that is not).</summary>
    public IReadOnlyList<JsonElement> Events => [.. Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public IReadOnlyList<JsonElement> RequestEvents =>
        [.. Events.Where(e => e.TryGetProperty("SourceContext", out var c) && c.GetString() == "ProductionReady.RequestLogging")];

    /// <summary>
    /// Waits until no request is still in the pipeline (TestServer hands the response back once it has started,
    /// possibly before request logging has written its event) and every event logged so far has reached the
    /// output (the log writer is asynchronous).
    /// </summary>
    public void Flush()
    {
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref _inFlight.Count) == 0, TimeSpan.FromSeconds(10)), "a request did not finish");
        Assert.True(App.Services.GetRequiredService<LogPipeline>().Flush(TimeSpan.FromSeconds(10)), "the log writer did not drain");
    }

    public static async Task<CapturedLog> StartAsync(
        Action<WebApplication>? map = null,
        string environment = "Production",
        IDictionary<string, string?>? configuration = null,
        Action<ProductionReadyLoggingOptions>? configure = null,
        IReadOnlyCollection<string>? knownSecrets = null,
        Action<IServiceCollection>? services = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var inFlight = new InFlight();
        var host = await TestHost.StartAsync(
            builder =>
            {
                if (configuration is not null)
                {
                    builder.Configuration.AddInMemoryCollection(configuration);
                }

                builder.Services.AddSingleton(LogDestination.To(output));
                if (knownSecrets is not null)
                {
                    builder.Services.AddSingleton<IKnownSecretValues>(new KnownSecrets(knownSecrets));
                }

                builder.Configuration["ProductionReady:ServiceName"] = "orders";
                services?.Invoke(builder.Services);
                builder.AddProductionReadyLogging(configure);
            },
            app =>
            {
                app.Use(async (context, next) =>
                {
                    Interlocked.Increment(ref inFlight.Count);
                    try
                    {
                        await next(context);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight.Count);
                    }
                });
                app.UseProductionReadyLogging();
                map?.Invoke(app);
            },
            environment,
            captureLogs: false);
        return new CapturedLog(host, output, inFlight);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private sealed class InFlight
    {
        public int Count;
    }

    internal sealed class KnownSecrets(IReadOnlyCollection<string> values) : IKnownSecretValues
    {
        public IReadOnlyCollection<string> Values { get; } = values;
    }
}
