using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ProductionReady.IntegrationTests.Health;

namespace ProductionReady.IntegrationTests.Metrics;

/// <summary>The health gauge on /metrics follows the sample's PostgreSQL check from Healthy to Unhealthy when the database stops, and back.</summary>
[Collection(PostgresTests.Name)]
public sealed partial class HealthGaugeTests
{
    private readonly PostgresFixture _postgres;

    public HealthGaugeTests(PostgresFixture postgres) => _postgres = postgres;

    [Fact]
    public async Task The_health_status_gauge_follows_the_postgresql_check()
    {
        await using var sample = SampleMetrics.StartInProduction(new()
        {
            ["ConnectionStrings__Postgres"] = _postgres.Server.ConnectionString,
            ["ProductionReady__Health__CacheDuration"] = "00:00:00",
        });
        await sample.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = sample.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(1, await GaugeAsync(client, 1));
        Assert.True(await CheckRunsAsync(client) >= 1);

        await _postgres.Server.StopAsync();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            Assert.Equal(0, await GaugeAsync(client, 0));
        }
        finally
        {
            await _postgres.Server.StartAgainAsync();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(1, await GaugeAsync(client, 1));
    }

    /// <summary>The gauge's value once it reads <paramref name="expected"/>, or its last value after 5 s (the exporter caches a scrape for 300 ms).</summary>
    private static async Task<double> GaugeAsync(HttpClient client, double expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            var match = StatusLine().Match(text);
            Assert.True(match.Success, "No productionready_health_status line for the postgresql check in:\n" + text);
            var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            if (value == expected || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<double> CheckRunsAsync(HttpClient client)
    {
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var match = DurationCountLine().Match(text);
        Assert.True(match.Success, "No productionready_health_check_duration_seconds_count line for the postgresql check in:\n" + text);
        return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""^productionready_health_status(_ratio)?\{[^}]*check="postgresql"[^}]*\} (?<value>[0-9.]+)""", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex("""^productionready_health_check_duration_seconds_count\{[^}]*check="postgresql"[^}]*\} (?<value>[0-9.]+)""", RegexOptions.Multiline)]
    private static partial Regex DurationCountLine();
}
