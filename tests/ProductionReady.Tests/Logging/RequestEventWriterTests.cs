// A message scope is begun the way apps begin it.
#pragma warning disable CA1848

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using ProductionReady.Logging;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Logging;

/// <summary>
/// The request completion event written straight from its state (<see cref="RequestEventWriter"/>) is the very line
/// Serilog's way writes: two apps on real Kestrel, one as it comes and one made to go Serilog's way (an empty
/// SerilogConfigurations entry), answer the same requests with the same scopes around them.
/// </summary>
public sealed partial class RequestEventWriterTests
{
    [Theory]
    [InlineData("/ok", null)]
    [InlineData("/unavailable", null)]
    [InlineData("/ok", "plain")]
    [InlineData("/ok", "repeated")]
    [InlineData("/ok", "dictionary")]
    [InlineData("/ok", "message")]
    [InlineData("/ok", "object")]
    [InlineData("/ok", "secret-name")]
    [InlineData("/orders/%22a%5Cb%22%09", null)]
    [InlineData("/orders/%E2%80%A8", null)]
    public async Task The_direct_line_is_the_line_Serilog_writes(string path, string? scopes)
    {
        await using var direct = await App.StartAsync(serilogWay: false, scopes);
        await using var serilog = await App.StartAsync(serilogWay: true, scopes);
        Assert.NotNull(direct.Pipeline.RequestEvents);
        Assert.Null(serilog.Pipeline.RequestEvents);

        var fromDirect = await direct.RequestEventAsync(path);
        var fromSerilog = await serilog.RequestEventAsync(path);

        // Only what differs by nature between two requests: the time, the elapsed time, the trace and the connection.
        Assert.Equal(Normalize(fromSerilog), Normalize(fromDirect));
        Assert.Contains("\"@tr\":\"", fromDirect, StringComparison.Ordinal);
        Assert.Contains("\"ConnectionId\":\"", fromDirect, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_writer_writes_the_server_scopes_itself_and_leaves_what_it_cannot_write_to_Serilog()
    {
        await using var app = await App.StartAsync(serilogWay: false, scopes: null);
        var writer = app.Pipeline.RequestEvents!;
        var state = new RequestCompletedState("GET", "/orders/7", 200, 1.25, "req-7");
        var scopes = new LoggerExternalScopeProvider();

        using (scopes.Push(new Dictionary<string, object> { ["Tenant"] = "north", ["Attempt"] = 2 }))
        {
            Assert.True(writer.TryWrite(LogLevel.Information, RequestLoggingMiddleware.RequestCompleted, state, scopes));
        }

        using (scopes.Push("a message scope"))
        {
            Assert.False(writer.TryWrite(LogLevel.Information, RequestLoggingMiddleware.RequestCompleted, state, scopes));
        }

        using (scopes.Push(new Dictionary<string, object> { ["ApiKey"] = "k" }))
        {
            Assert.False(writer.TryWrite(LogLevel.Information, RequestLoggingMiddleware.RequestCompleted, state, scopes));
        }

        Assert.False(writer.TryWrite(LogLevel.Error, RequestLoggingMiddleware.RequestCompleted, state, scopes));

        // A state whose path holds a password, handed over without the masking logger in front: left to Serilog's way.
        var unmasked = new RequestCompletedState("GET", "/db?cs=Host=db;Username=app;Password=" + string.Concat("hunter", "2-", "xyz"), 200, 1.0, "req-8");
        Assert.False(writer.TryWrite(LogLevel.Information, RequestLoggingMiddleware.RequestCompleted, unmasked, scopes));
        Assert.False(writer.TryWrite(LogLevel.Information, new EventId(1, "Other"), state, scopes));

        var line = Assert.Single(app.Lines(), l => l.Contains("\"req-7\"", StringComparison.Ordinal));
        Assert.Matches("^\\{\"@t\":\"[^\"]+Z\",\"@mt\":\"HTTP \\{RequestMethod\\} \\{RequestPath\\} responded \\{StatusCode\\} in \\{ElapsedMs\\} ms\",\"RequestMethod\":\"GET\",\"RequestPath\":\"/orders/7\",\"StatusCode\":200,\"ElapsedMs\":1.25,\"RequestId\":\"req-7\",\"EventId\":\\{\"Id\":4001,\"Name\":\"RequestCompleted\"\\},\"SourceContext\":\"ProductionReady.RequestLogging\",\"Tenant\":\"north\",\"Attempt\":2,\"ServiceName\":\"orders\",", line);
    }

    [Fact]
    public async Task A_known_secret_in_the_request_path_is_masked_on_the_direct_way_too()
    {
        var secret = string.Concat("s3cr3t-", "path-", "value-", "4711");
        await using var log = await CapturedLog.StartAsync(app => app.MapGet("/orders/{id}", (string id) => "ok"), knownSecrets: [secret]);
        Assert.NotNull(log.App.Services.GetRequiredService<LogPipeline>().RequestEvents);

        await log.Client.GetAsync(new Uri("/orders/" + secret, UriKind.Relative));

        var completed = Assert.Single(log.RequestEvents);
        Assert.Equal("/orders/" + SecretMasker.Mask, completed.GetProperty("RequestPath").GetString());
        Assert.DoesNotContain(secret, log.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ProductionReady:Logging:Format", "Text")]
    [InlineData("ProductionReady:Logging:RenderMessage", "true")]
    [InlineData("Serilog:MinimumLevel:Default", "Information")]
    public async Task Where_the_app_shapes_the_output_the_event_goes_Serilog_s_way(string key, string value)
    {
        await using var app = await App.StartAsync(serilogWay: false, scopes: null, new Dictionary<string, string?> { [key] = value });
        Assert.Null(app.Pipeline.RequestEvents);
    }

    private static string Normalize(string line)
    {
        line = Timestamp().Replace(line, "\"@t\":\"T\"");
        line = Elapsed().Replace(line, "\"ElapsedMs\":0");
        line = TraceAndSpan().Replace(line, "\"$1\":\"id\"");
        return ConnectionId().Replace(line, "\"ConnectionId\":\"c\"");
    }

    [GeneratedRegex("\"@t\":\"[^\"]+\"")]
    private static partial Regex Timestamp();

    [GeneratedRegex("\"ElapsedMs\":[0-9.Ee+-]+")]
    private static partial Regex Elapsed();

    [GeneratedRegex("\"(@tr|@sp)\":\"[0-9a-f]+\"")]
    private static partial Regex TraceAndSpan();

    [GeneratedRegex("\"ConnectionId\":\"[^\"]+\"")]
    private static partial Regex ConnectionId();

    /// <summary>An app on Kestrel with ProductionReady logging into memory, and the scopes a test puts around it.</summary>
    private sealed class App : IAsyncDisposable
    {
        private readonly TestHost _host;
        private readonly StringWriter _output;

        private App(TestHost host, StringWriter output)
        {
            _host = host;
            _output = output;
        }

        public LogPipeline Pipeline => _host.Services.GetRequiredService<LogPipeline>();

        public static async Task<App> StartAsync(bool serilogWay, string? scopes, IDictionary<string, string?>? configuration = null)
        {
            var output = new StringWriter { NewLine = "\n" };
            var host = await TestHost.StartAsync(
                builder =>
                {
                    if (configuration is not null)
                    {
                        builder.Configuration.AddInMemoryCollection(configuration);
                    }

                    builder.Configuration["ProductionReady:ServiceName"] = "orders";
                    builder.Services.AddSingleton(LogDestination.To(output));
                    builder.Services.AddSingleton<IStartupFilter>(new OuterScopes(scopes));
                    builder.AddProductionReadyLogging(o =>
                    {
                        if (serilogWay)
                        {
                            o.SerilogConfigurations.Add(static _ => { });
                        }
                    });
                },
                app =>
                {
                    app.UseProductionReadyLogging();
                    app.MapGet("/ok", () => "ok");
                    app.MapGet("/unavailable", () => Results.StatusCode(503));
                    app.MapGet("/orders/{id}", (string id) => id);
                },
                server: TestServerKind.Kestrel,
                captureLogs: false);
            return new App(host, output);
        }

        /// <summary>Sends one request (with a request id of its own) and returns its completion event's line.</summary>
        public async Task<string> RequestEventAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("X-Request-ID", "req-42");
            using var response = await _host.Client.SendAsync(request);
            string? line = null;

            // The event is written after the response went out, by the log writer's own thread: wait for it.
            Assert.True(
                SpinWait.SpinUntil(() => (line = Lines().SingleOrDefault(l => l.Contains("\"SourceContext\":\"ProductionReady.RequestLogging\"", StringComparison.Ordinal))) is not null, TimeSpan.FromSeconds(30)),
                "no completion event was written");
            return line!;
        }

        public IReadOnlyList<string> Lines()
        {
            Assert.True(Pipeline.Flush(TimeSpan.FromSeconds(10)), "the log writer did not drain");
            lock (_output)
            {
                return _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        public ValueTask DisposeAsync() => _host.DisposeAsync();
    }

    /// <summary>Scopes of the app's around the whole pipeline (so around the completion event), begun as apps begin them.</summary>
    private sealed class OuterScopes(string? kind) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("App.Scopes");
            app.Use(async (context, nextMiddleware) =>
            {
                using var outer = Begin(logger, kind, inner: false);
                using var inner = Begin(logger, kind, inner: true);
                await nextMiddleware(context);
            });
            next(app);
        };

        private static IDisposable? Begin(ILogger logger, string? kind, bool inner) => kind switch
        {
            "plain" when !inner => logger.BeginScope(new List<KeyValuePair<string, object?>> { new("Tenant", "north \"quoted\""), new("Attempt", 2), new("Large", 5_000_000_000L), new("Retried", true), new("Nothing", null) }),
            "repeated" => logger.BeginScope(new List<KeyValuePair<string, object?>> { new("Tenant", inner ? "inner" : "outer"), new(inner ? "Second" : "First", 1) }),
            "dictionary" when inner => logger.BeginScope(new Dictionary<string, object> { ["Region"] = "eu", ["Shard"] = 3 }),
            "message" when inner => logger.BeginScope("Processing {Tenant}", "north"),
            "object" when inner => logger.BeginScope(new List<KeyValuePair<string, object?>> { new("Started", new DateTime(2026, 12, 8, 1, 2, 3, DateTimeKind.Utc)) }),
            "secret-name" when inner => logger.BeginScope(new List<KeyValuePair<string, object?>> { new("Password", "not-" + "shown") }),
            _ => null,
        };
    }
}
