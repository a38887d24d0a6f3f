using System.Net.WebSockets;
using System.Text.Json;

namespace ProductionReady.Tests.Logging;

/// <summary>
/// The completion event of the requests that are not plain HTTP exchanges: a WebSocket's time is its
/// connection's lifetime, never a slow request; a gRPC call's outcome is its <c>grpc-status</c>, not HTTP's 200.
/// </summary>
public sealed class UpgradeAndGrpcLoggingTests
{
    private static void MapSample(WebApplication app)
    {
        app.UseWebSockets();
        app.Map("/ws", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[16];
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            while (!received.CloseStatus.HasValue);

            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        });
        app.MapGet("/plain", () => "ok");
        app.MapPost("/greet.Greeter/{method}", (HttpContext context, string method) =>
        {
            context.Response.ContentType = "application/grpc";
            var status = method switch { "SayHello" => "0", "Broken" => "13", _ => "12" };
            if (status == "12")
            {
                // Trailers-only: the status goes out in the headers.
                context.Response.Headers["grpc-status"] = status;
            }
            else
            {
                context.Response.AppendTrailer("grpc-status", status);
            }

            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_websocket_is_never_a_slow_request_while_an_ordinary_request_over_the_threshold_is()
    {
        // Every request is over a threshold of one tick: only the upgrade stays Information.
        await using var log = await CapturedLog.StartAsync(MapSample, configure: o => o.SlowRequestThreshold = TimeSpan.FromTicks(1));
        await log.Client.GetAsync(new Uri("/plain", UriKind.Relative));
        var socket = await log.Server.CreateWebSocketClient().ConnectAsync(new Uri(log.Server.BaseAddress, "ws"), CancellationToken.None);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        var events = log.RequestEvents;
        Assert.Equal(("/plain", "Warning"), Describe(Assert.Single(events, e => e.GetProperty("RequestPath").GetString() == "/plain")));
        var upgraded = Assert.Single(events, e => e.GetProperty("RequestPath").GetString() == "/ws");
        Assert.Equal(101, upgraded.GetProperty("StatusCode").GetInt32());
        Assert.False(upgraded.TryGetProperty("@l", out _), "the WebSocket was logged as a slow request");
    }

    [Theory]
    [InlineData("SayHello", 0, null)]
    [InlineData("NoSuchMethod", 12, "Warning")]
    [InlineData("Broken", 13, "Error")]
    public async Task A_grpc_call_is_logged_with_its_status_at_the_level_of_that_status(string method, int grpcStatus, string? level)
    {
        await using var log = await CapturedLog.StartAsync(MapSample);
        using var response = await log.Client.PostAsync(new Uri("/greet.Greeter/" + method, UriKind.Relative), new ByteArrayContent([]));

        var completed = Assert.Single(log.RequestEvents);
        Assert.Equal(200, completed.GetProperty("StatusCode").GetInt32());
        Assert.Equal(grpcStatus, completed.GetProperty("GrpcStatus").GetInt32());
        Assert.Equal("HTTP {RequestMethod} {RequestPath} responded {StatusCode} grpc-status {GrpcStatus} in {ElapsedMs} ms", completed.GetProperty("@mt").GetString());
        Assert.Equal(level, completed.TryGetProperty("@l", out var l) ? l.GetString() : null);
    }

    [Fact]
    public async Task A_plain_request_has_no_grpc_status()
    {
        await using var log = await CapturedLog.StartAsync(MapSample);
        await log.Client.GetAsync(new Uri("/plain", UriKind.Relative));

        Assert.False(Assert.Single(log.RequestEvents).TryGetProperty("GrpcStatus", out _));
    }

    private static (string?, string?) Describe(JsonElement e) =>
        (e.GetProperty("RequestPath").GetString(), e.TryGetProperty("@l", out var l) ? l.GetString() : "Information");
}
