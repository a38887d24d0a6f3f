using System.Net;
using ProductionReady.IntegrationTests.Health;

namespace ProductionReady.IntegrationTests.Metrics;

/// <summary>
/// A real Prometheus scrapes the sample (Production) every second: the request counts by route template
/// arrive through PromQL, probe and scrape traffic never becomes a series, and a scanner's random path
/// never becomes a label value.
/// </summary>
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_sees_requests_by_route_template_and_no_probe_traffic_or_raw_paths()
    {
        await using var sample = SampleMetrics.StartInProduction();
        await sample.WaitUntilReadyAsync();
        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{sample.Port}");

        using var client = new HttpClient { BaseAddress = sample.BaseAddress };
        const int Requests = 7;
        var scannerToken = "scan" + Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < Requests; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/{scannerToken}/{i}/wp-login.php", UriKind.Relative))).StatusCode);
            foreach (var probe in new[] { "/health/live", "/health/ready", "/health/startup", "/health" })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(probe, UriKind.Relative))).StatusCode);
            }
        }

        var byRoute = await prometheus.WaitForAsync(
            "sum(http_server_request_duration_seconds_count{http_route=\"/\"})",
            r => r.Count == 1 && r[0].Value >= Requests);
        Assert.Equal(Requests, byRoute[0].Value);

        // The 404s arrived too (same scrape or later): they are counted without a route label.
        await prometheus.WaitForAsync(
            "sum(http_server_request_duration_seconds_count{http_response_status_code=\"404\"})",
            r => r.Count == 1 && r[0].Value >= Requests);

        // Probes (and the scrapes themselves) answer 200 without a route: no such series may exist.
        Assert.Empty(await prometheus.QueryAsync("http_server_request_duration_seconds_count{http_route=\"\",http_response_status_code=\"200\"}"));
        Assert.Empty(await prometheus.QueryAsync("{__name__=~\"http_server_request_duration_seconds_count\",http_route=~\".*health.*|.*metrics.*\"}"));
        var series = await prometheus.AllSeriesJsonAsync();
        Assert.DoesNotContain(scannerToken, series, StringComparison.Ordinal);
        Assert.DoesNotContain("wp-login", series, StringComparison.Ordinal);

        // The runtime, Kestrel and our own meter reach Prometheus too.
        Assert.NotEmpty(await prometheus.QueryAsync("kestrel_active_connections"));
        Assert.NotEmpty(await prometheus.QueryAsync("productionready_log_events_written_total"));
        Assert.NotEmpty(await prometheus.QueryAsync("{__name__=~\"dotnet_gc_collections_total|dotnet_process_cpu_time_seconds_total\"}"));
    }
}
