using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>An OTLP/HTTP receiver on loopback that keeps every body posted to it, by path.</summary>
internal sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> _bodies = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _received = new(0);

    private OtlpCollector(WebApplication app, string endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public static async Task<OtlpCollector> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var collector = new OtlpCollector(app, $"http://127.0.0.1:{port}");
        app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collector._bodies.GetOrAdd(request.Path.Value!, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            collector._received.Release();
            return Results.Ok();
        });
        await app.StartAsync();
        return collector;
    }

    /// <summary>Each body posted to <paramref name="path"/>, in arrival order.</summary>
    public IReadOnlyList<byte[]> Bodies(string path) => _bodies.TryGetValue(path, out var bodies) ? [.. bodies] : [];

    public byte[] Bytes(string path) => _bodies.TryGetValue(path, out var bodies) ? [.. bodies.SelectMany(b => b)] : [];

    /// <summary>Waits until a body posted to <paramref name="path"/> contains <paramref name="text"/>.</summary>
    public async Task WaitForAsync(string path, string text)
    {
        var expected = Encoding.UTF8.GetBytes(text);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (Bytes(path).AsSpan().IndexOf(expected) < 0)
        {
            await _received.WaitAsync(deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _received.Dispose();
    }
}
