using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ProductionReady.IntegrationTests.Health;
using ProductionReady.IntegrationTests.Infrastructure;
using ProductionReady.IntegrationTests.Metrics;

namespace ProductionReady.IntegrationTests.Info;

/// <summary>
/// <c>/info</c> and <c>/info/log-levels</c> on the sample as a real process in Production: the document for a
/// loopback caller with a planted secret masked, 404 to a truly remote caller (a network namespace over a veth
/// pair) with or without forwarded headers claiming loopback, the management port, and a log level raised for a
/// few seconds that falls back by itself (waited for as the fall-back event, never slept for).
/// </summary>
public sealed class InfoEndpointTests
{
    [Fact]
    public async Task A_loopback_caller_reads_the_info_document_with_every_secret_masked()
    {
        // A secret the app holds (Sample:ApiKey, a [Secret]) planted in a ProductionReady setting whose name says nothing.
        var secret = Secret();
        await using var sample = SampleMetrics.StartInProduction(new()
        {
            ["Sample__ApiKey"] = secret,
            ["ProductionReady__Metrics__AllowAnyAddressReason"] = secret,
            ["ProductionReady__Info__MaxLogLevelDuration"] = "00:30:00",
        });
        await sample.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = sample.BaseAddress };

        using var response = await client.GetAsync(new Uri("/info", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);

        using var info = JsonDocument.Parse(body);
        var root = info.RootElement;
        Assert.Equal("ProductionReady.Sample", root.GetProperty("service").GetString());
        Assert.Equal("Production", root.GetProperty("environment").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        Assert.Equal(JsonValueKind.String, root.GetProperty("buildTime").ValueKind);
        Assert.Matches(@"^\d+\.\d\d:\d\d:\d\d$", root.GetProperty("uptime").GetString()!);
        Assert.StartsWith(".NET", root.GetProperty("runtime").GetProperty("framework").GetString(), StringComparison.Ordinal);
        var capabilities = root.GetProperty("capabilities").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("Info", capabilities);
        Assert.Contains("Metrics", capabilities);

        var settings = root.GetProperty("settings");
        Assert.Equal("***", settings.GetProperty("ProductionReady:Metrics:AllowAnyAddressReason").GetString());
        Assert.Equal("00:30:00", settings.GetProperty("ProductionReady:Info:MaxLogLevelDuration").GetString());
    }

    [Fact]
    public async Task A_remote_caller_gets_404_with_and_without_spoofed_forwarded_headers_and_an_allowed_network_gets_in()
    {
        using var ns = NetworkNamespace.Create();
        await using (var sample = SampleMetrics.StartInProduction(new()
        {
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{{port}};http://{ns.HostAddress}:{{port}}",
        }))
        {
            await sample.WaitUntilReadyAsync();
            var remote = $"http://{ns.HostAddress}:{sample.Port}";

            // The control: a loopback caller reads it, so the 404s below are the gate at work.
            using var client = new HttpClient { BaseAddress = sample.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/info", UriKind.Relative))).StatusCode);

            foreach (var header in new[] { null, "X-Forwarded-For: 127.0.0.1", "X-Forwarded-For: ::1", "Forwarded: for=127.0.0.1", "X-Real-IP: 127.0.0.1" })
            {
                string[] spoof = header is null ? [] : ["-H", header, "-H", "X-Forwarded-Host: localhost"];
                Assert.True(Status(ns, $"{remote}/info", spoof) == "404", $"'{header}' opened /info to a remote caller");
                Assert.True(Status(ns, $"{remote}/info/log-levels", [.. spoof, "-X", "POST", "-H", "Content-Type: application/json", "--data", """{"category":"Default","level":"Trace"}"""]) == "404",
                    $"'{header}' let a remote caller change a log level");
            }

            Assert.DoesNotContain("LogLevelChanged", sample.Stdout, StringComparison.Ordinal);
            Assert.Equal("200", Status(ns, $"{remote}/"));
        }

        await using (var sample = SampleMetrics.StartInProduction(new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{{port}};http://{ns.HostAddress}:{{port}}",
            ["ProductionReady__Info__Access"] = "Networks",
            ["ProductionReady__Info__AllowedNetworks__0"] = $"{ns.PeerAddress}/32",
        }))
        {
            await sample.WaitUntilReadyAsync();
            Assert.Equal("200", Status(ns, $"http://{ns.HostAddress}:{sample.Port}/info"));
        }
    }

    [Fact]
    public async Task With_a_management_port_info_answers_there_only()
    {
        var managementPort = FreePort.Next();
        await using var sample = SampleMetrics.StartInProduction(new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{{port}};http://127.0.0.1:{managementPort}",
            ["ProductionReady__Metrics__Port"] = managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await sample.WaitUntilReadyAsync();
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"http://127.0.0.1:{managementPort}/info"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"http://127.0.0.1:{managementPort}/info/log-levels"))).StatusCode);

        // On the app's port the path is the app's (the sample maps nothing there).
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(sample.BaseAddress, "/info"))).StatusCode);
    }

    [Fact]
    public async Task A_raised_log_level_applies_at_once_and_falls_back_by_itself_both_logged()
    {
        const string category = "Microsoft.AspNetCore.Routing.EndpointMiddleware";
        await using var sample = SampleMetrics.StartInProduction();
        await sample.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = sample.BaseAddress };

        // Before: the category is at Warning (the sample's Microsoft.AspNetCore), so a request logs nothing from it.
        Assert.Equal(HttpStatusCode.OK, await sample.SendAndWaitForItsCompletionAsync(client, HttpMethod.Get, "/"));
        Assert.Equal(0, Count(sample, IsFromCategory));

        using var change = new StringContent($$"""{"category":"{{category}}","level":"Debug","duration":"00:00:03"}""", Encoding.UTF8, "application/json");
        using var changed = await client.PostAsync(new Uri("/info/log-levels", UriKind.Relative), change);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var changeEvent = await sample.WaitForLineAsync(l => l.Contains("\"LogLevelChanged\"", StringComparison.Ordinal));
        Assert.Contains(category, changeEvent, StringComparison.Ordinal);
        Assert.Contains("ip:127.0.0.1", changeEvent, StringComparison.Ordinal);

        // Raised: the same request now logs from the category.
        Assert.Equal(HttpStatusCode.OK, await sample.SendAndWaitForItsCompletionAsync(client, HttpMethod.Get, "/"));
        var whileRaised = Count(sample, IsFromCategory);
        Assert.True(whileRaised > 0, "the raised level did not reach the category:\n" + sample.Stdout);
        using (var levels = JsonDocument.Parse(await client.GetStringAsync(new Uri("/info/log-levels", UriKind.Relative))))
        {
            Assert.Equal(category, levels.RootElement[0].GetProperty("category").GetString());
        }

        // It falls back by itself: wait for the event that says so, then the same request logs nothing from it again.
        var restored = await sample.WaitForLineAsync(l => l.Contains("\"LogLevelRestored\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains(category, restored, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await sample.SendAndWaitForItsCompletionAsync(client, HttpMethod.Get, "/"));
        Assert.Equal(whileRaised, Count(sample, IsFromCategory));

        static bool IsFromCategory(string line) => line.Contains($"\"SourceContext\":\"{category}\"", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_change_is_refused_with_what_to_do()
    {
        await using var sample = SampleMetrics.StartInProduction();
        await sample.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = sample.BaseAddress };
        using var tooLong = new StringContent("""{"category":"Default","level":"Debug","duration":"02:00:00"}""", Encoding.UTF8, "application/json");
        using var refused = await client.PostAsync(new Uri("/info/log-levels", UriKind.Relative), tooLong);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("at most 01:00:00", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var badLevel = new StringContent("""{"category":"Default","level":"Loud"}""", Encoding.UTF8, "application/json");
        using var refusedLevel = await client.PostAsync(new Uri("/info/log-levels", UriKind.Relative), badLevel);
        Assert.Equal(HttpStatusCode.BadRequest, refusedLevel.StatusCode);

        using var form = new StringContent("category=Default&level=Trace", Encoding.UTF8, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.PostAsync(new Uri("/info/log-levels", UriKind.Relative), form)).StatusCode);
    }

    private static int Count(SampleProcess sample, Func<string, bool> predicate) => sample.StdoutLines.Count(predicate);

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    private static string Status(NetworkNamespace ns, string url, params string[] args)
    {
        var (exitCode, stdout, stderr) = ns.Exec("curl", ["--silent", "--show-error", "--max-time", "10", "-o", "/dev/null", "-w", "%{http_code}", .. args, url]);
        Assert.True(exitCode == 0, $"curl {url} from {ns.PeerAddress} failed ({exitCode}): {stderr}");
        return stdout.Trim();
    }
}
