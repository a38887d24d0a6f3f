using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// Logs over OTLP, outbound resilience, <c>/info</c> with run-time log levels, and security events, each on the
/// packed package in a fresh <c>dotnet new web</c> app with the two lines and the README's recipes, run as a real
/// process in Production (<see cref="PackedCapabilityApp"/>).
/// </summary>
[Collection(PackedCapabilityAppGroup.Name)]
public sealed partial class CapabilityRecipeTests(PackedCapabilityApp packed)
{
    [Fact]
    public async Task Logs_over_otlp_bring_the_request_event_with_its_properties_trace_ids_and_service_name_while_stdout_keeps_clef()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var app = await packed.StartAsync(new Dictionary<string, string>
        {
            // The recipe's variable; the test's receiver speaks OTLP/HTTP (the recipe's comment says how).
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        using var client = new HttpClient { BaseAddress = new Uri(app.Origin) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/orders/42", UriKind.Relative))).StatusCode);

        await collector.WaitForAsync("/v1/logs", "/orders/42");
        var records = OtlpLogs.Decode(collector.Bodies("/v1/logs"));
        var request = Assert.Single(records, r => r.Attributes.GetValueOrDefault("RequestPath") == "/orders/42");
        Assert.Equal("GET", request.Attributes["RequestMethod"]);
        Assert.Equal("200", request.Attributes["StatusCode"]);
        Assert.True(request.Attributes.ContainsKey("ElapsedMs"));
        Assert.Matches("^[0-9a-f]{32}$", request.TraceId);
        Assert.NotEqual(new string('0', 32), request.TraceId);
        Assert.Matches("^[0-9a-f]{16}$", request.SpanId);
        Assert.Equal(PackedCapabilityApp.Name, request.Resource["service.name"]);
        Assert.Equal("Production", request.Resource["deployment.environment.name"]);

        // The app's own event of the request: its property, the same trace.
        await collector.WaitForAsync("/v1/logs", "Order {OrderId} placed");
        var placed = Assert.Single(OtlpLogs.Decode(collector.Bodies("/v1/logs")), r => r.Attributes.GetValueOrDefault("OrderId") == "42");
        Assert.Equal(request.TraceId, placed.TraceId);

        // Stdout still gets the same event as CLEF, with the same trace id.
        var line = await app.WaitForLineAsync(l => l.Contains("\"RequestPath\":\"/orders/42\"", StringComparison.Ordinal) && l.Contains("\"StatusCode\"", StringComparison.Ordinal));
        using var clef = JsonDocument.Parse(line);
        Assert.Equal(request.TraceId, clef.RootElement.GetProperty("@tr").GetString());
    }

    [Fact]
    public async Task The_recipes_http_client_retries_a_get_through_two_503s_and_sends_a_post_once()
    {
        await using var upstream = await FlakyUpstream.StartAsync();
        var app = await packed.StartAsync(new Dictionary<string, string>
        {
            ["Payments__BaseAddress"] = upstream.Origin,
            ["ProductionReady__Resilience__RetryDelay"] = "00:00:00.050",   // the back-off, short for the test
        });
        using var client = new HttpClient { BaseAddress = new Uri(app.Origin) };

        // GET: 503, 503, then 200 upstream; the app's endpoint gets the 200.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/payments/status", UriKind.Relative))).StatusCode);
        Assert.Equal(3, upstream.Count("GET /status"));

        // POST: not idempotent, sent once; the 503 reaches the app, and nothing more is sent after its answer.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.PostAsync(new Uri("/payments/charge", UriKind.Relative), null)).StatusCode);
        Assert.Equal(1, upstream.Count("POST /charges"));

        // The opted-out client of the recipe: a GET sent once.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/legacy", UriKind.Relative))).StatusCode);
        Assert.Equal(1, upstream.Count("GET /legacy"));
    }

    [Fact]
    public async Task Info_answers_an_insider_with_no_secret_and_404_to_forwarded_and_remote_callers_and_a_level_change_is_an_event()
    {
        // A secret the app holds (the configuration scan knows it), planted in a ProductionReady setting whose name says nothing.
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        using var ns = NetworkNamespace.Create();
        var port = FreePort.Next();
        var app = await packed.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port};http://{ns.HostAddress}:{port}",
            ["Payments__ApiKey"] = secret,
            ["ProductionReady__Metrics__AllowAnyAddressReason"] = secret,
        });
        using var client = new HttpClient { BaseAddress = new Uri(app.Origin) };

        using (var response = await client.GetAsync(new Uri("/info", UriKind.Relative)))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            using var info = JsonDocument.Parse(body);
            var root = info.RootElement;
            Assert.Equal(PackedCapabilityApp.Name, root.GetProperty("service").GetString());
            Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
            Assert.Equal("Production", root.GetProperty("environment").GetString());
            Assert.StartsWith(".NET", root.GetProperty("runtime").GetProperty("framework").GetString(), StringComparison.Ordinal);
            var capabilities = root.GetProperty("capabilities").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
            Assert.Superset(new HashSet<string?> { "Logging", "Info", "SecurityEvents", "Resilience" }, capabilities.ToHashSet());
            Assert.Equal("***", root.GetProperty("settings").GetProperty("ProductionReady:Metrics:AllowAnyAddressReason").GetString());
        }

        // A caller relayed by a proxy on this machine (a sidecar, a local nginx): the connection is loopback, the caller is not.
        foreach (var (name, value) in new[] { ("X-Forwarded-For", "203.0.113.7"), ("Forwarded", "for=203.0.113.7"), ("X-Real-IP", "203.0.113.7") })
        {
            using var relayed = new HttpRequestMessage(HttpMethod.Get, "/info");
            relayed.Headers.TryAddWithoutValidation(name, value);
            Assert.True((await client.SendAsync(relayed)).StatusCode == HttpStatusCode.NotFound, $"a loopback request relayed with {name} read /info");
        }

        // A truly remote caller (a network namespace over a veth pair), with and without headers claiming loopback.
        var remote = $"http://{ns.HostAddress}:{port}";
        foreach (var spoof in new string[][] { [], ["-H", "X-Forwarded-For: 127.0.0.1"] })
        {
            Assert.Equal("404", Curl(ns, $"{remote}/info", spoof));
            Assert.Equal("404", Curl(ns, $"{remote}/info/log-levels", [.. spoof, "-X", "POST", "-H", "Content-Type: application/json", "--data", """{"category":"Default","level":"Trace"}"""]));
        }

        Assert.Equal("200", Curl(ns, $"{remote}/"));
        Assert.DoesNotContain("LogLevelChanged", app.Stdout, StringComparison.Ordinal);

        // The recipe's change, its JSON as the README prints it: applied, listed, and logged as an event naming the caller.
        var recipe = ReadmeCode.Block(CapabilityRecipes.LogLevelHeading, "bash");
        var change = CurlData().Match(recipe).Groups["json"].Value;
        var category = JsonDocument.Parse(change).RootElement.GetProperty("category").GetString()!;
        using (var posted = await client.PostAsync(new Uri("/info/log-levels", UriKind.Relative), new StringContent(change, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var changed = await app.WaitForLineAsync(l => l.Contains("\"LogLevelChanged\"", StringComparison.Ordinal));
        Assert.Contains(category, changed, StringComparison.Ordinal);
        Assert.Contains("ip:127.0.0.1", changed, StringComparison.Ordinal);
        Assert.Contains(category, await client.GetStringAsync(new Uri("/info/log-levels", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failed_logins_give_one_security_events_summary()
    {
        var app = await packed.StartAsync(new Dictionary<string, string> { ["ProductionReady__Health__DrainDelay"] = "00:00:00" });
        using (var client = new HttpClient { BaseAddress = new Uri(app.Origin) })
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(new Uri("/login", UriKind.Relative), null)).StatusCode);
            }
        }

        // The recipe's window is a minute: the summary of the open window is written when the app stops (as on a rollout).
        app.SendSigterm();
        await app.WaitForExitAsync();
        var summaries = app.StdoutLines.Where(l => l.Contains("\"SecurityEventsSummary\"", StringComparison.Ordinal)).ToList();
        var summary = Assert.Single(summaries);
        using var clef = JsonDocument.Parse(summary);
        var root = clef.RootElement;
        Assert.Equal("authentication_failed", root.GetProperty("SecurityEvent").GetString());
        Assert.Equal(5, root.GetProperty("Count").GetInt64());
        Assert.Equal("ip:127.0.0.1", root.GetProperty("Client").GetString());
    }

    private static string Curl(NetworkNamespace ns, string url, params string[] args)
    {
        var (exitCode, stdout, stderr) = ns.Exec("curl", ["--silent", "--show-error", "--max-time", "10", "-o", "/dev/null", "-w", "%{http_code}", .. args, url]);
        Assert.True(exitCode == 0, $"curl {url} from {ns.PeerAddress} failed ({exitCode}): {stderr}");
        return stdout.Trim();
    }

    [GeneratedRegex("-d '(?<json>[^']*)'")]
    private static partial Regex CurlData();

    /// <summary>A loopback upstream that answers 503 to the first two requests of each method and path, then 200; counts them.</summary>
    private sealed class FlakyUpstream : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        private FlakyUpstream(WebApplication app, string origin)
        {
            _app = app;
            Origin = origin;
        }

        public string Origin { get; }

        public int Count(string request) => _counts.GetValueOrDefault(request);

        public static async Task<FlakyUpstream> StartAsync()
        {
            var port = FreePort.Next();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var upstream = new FlakyUpstream(app, $"http://127.0.0.1:{port}");
            app.Run(context =>
            {
                var seen = upstream._counts.AddOrUpdate($"{context.Request.Method} {context.Request.Path}", 1, static (_, n) => n + 1);
                context.Response.StatusCode = seen <= 2 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
                return Task.CompletedTask;
            });
            await app.StartAsync();
            return upstream;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
