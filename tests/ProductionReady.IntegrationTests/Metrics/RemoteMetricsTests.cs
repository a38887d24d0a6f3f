using ProductionReady.IntegrationTests.Health;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Metrics;

/// <summary>
/// <c>/metrics</c> from a truly remote caller (a network namespace of the test's own, over a veth pair):
/// 404, with and without forwarded headers claiming loopback, while the sample trusts every proxy
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>). An allowed network opens it to that caller alone.
/// </summary>
public sealed class RemoteMetricsTests
{
    [Fact]
    public async Task A_remote_caller_gets_404_with_and_without_spoofed_forwarded_headers()
    {
        using var ns = NetworkNamespace.Create();
        await using var sample = SampleMetrics.StartInProduction(new()
        {
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{{port}};http://{ns.HostAddress}:{{port}}",
        });
        await sample.WaitUntilReadyAsync();
        var remote = $"http://{ns.HostAddress}:{sample.Port}";

        // The control: a loopback caller reads the metrics, so the 404s below are the gate at work.
        using var client = new HttpClient { BaseAddress = sample.BaseAddress };
        Assert.Contains("# TYPE productionready_log_events_written_total counter", await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);

        Assert.Equal("404", Status(ns, $"{remote}/metrics"));
        foreach (var header in new[] { "X-Forwarded-For: 127.0.0.1", "X-Forwarded-For: ::1", "X-Forwarded-For: 127.0.0.1, 10.0.0.1", "Forwarded: for=127.0.0.1", "X-Real-IP: 127.0.0.1" })
        {
            Assert.True(Status(ns, $"{remote}/metrics", "-H", header, "-H", "X-Forwarded-Host: localhost") == "404", $"'{header}' opened /metrics to a remote caller");
        }

        // The app itself still answers the remote caller: it is only the metrics that are hidden.
        Assert.Equal("200", Status(ns, $"{remote}/"));
    }

    [Fact]
    public async Task An_allowed_network_reads_the_metrics_judged_on_the_connection()
    {
        using var ns = NetworkNamespace.Create();
        await using var sample = SampleMetrics.StartInProduction(new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{{port}};http://{ns.HostAddress}:{{port}}",
            ["ProductionReady__Metrics__Access"] = "Networks",
            ["ProductionReady__Metrics__AllowedNetworks__0"] = $"{ns.PeerAddress}/32",
        });
        await sample.WaitUntilReadyAsync();
        Assert.Equal("200", Status(ns, $"http://{ns.HostAddress}:{sample.Port}/metrics"));
    }

    private static string Status(NetworkNamespace ns, string url, params string[] args)
    {
        var (exitCode, stdout, stderr) = ns.Exec("curl", ["--silent", "--show-error", "--max-time", "10", "-o", "/dev/null", "-w", "%{http_code}", .. args, url]);
        Assert.True(exitCode == 0, $"curl {url} from {ns.PeerAddress} failed ({exitCode}): {stderr}");
        return stdout.Trim();
    }
}
