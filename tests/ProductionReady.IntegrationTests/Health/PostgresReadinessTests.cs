using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Npgsql;
using ProductionReady.IntegrationTests.Infrastructure;
using ProductionReady.TestSupport;

namespace ProductionReady.IntegrationTests.Health;

/// <summary>
/// The PostgreSQL readiness check (ProductionReady.Npgsql on Npgsql 10) against a real PostgreSQL 15: up,
/// stopped, restarted, frozen, at a cold start, and under a probe storm counted on the server side.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresReadinessTests
{
    // A query text only these tests' checks send, so the server's statement log counts exactly them.
    private const string ProbeQuery = "SELECT 4242 AS readiness_probe";
    private readonly PostgresFixture _postgres;

    public PostgresReadinessTests(PostgresFixture postgres) => _postgres = postgres;

    [Fact]
    public async Task Ready_is_200_with_the_server_up_and_the_report_shows_the_check_tagged_ready_only()
    {
        await using var app = await StartWithCheckAsync(o => o.CacheDuration = TimeSpan.Zero);

        Assert.Equal(HttpStatusCode.OK, await app.GetStatusAsync("/health/ready"));

        using var report = JsonDocument.Parse(await app.Client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        var entry = report.RootElement.GetProperty("entries").GetProperty("postgresql");
        Assert.Equal("Healthy", entry.GetProperty("status").GetString());
        Assert.Equal("[\"ready\"]", entry.GetProperty("tags").GetRawText());

        // Liveness never touches the database.
        var before = _postgres.Server.CountStatements(ProbeQuery);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await app.GetStatusAsync("/health/live"));
        }

        Assert.Equal(before, _postgres.Server.CountStatements(ProbeQuery));
    }

    [Fact]
    public async Task The_check_prefers_the_apps_registered_data_source_over_the_connection_string()
    {
        // The connection string points nowhere; the app's data source points at the server.
        var nowhere = new NpgsqlConnectionStringBuilder(_postgres.Server.ConnectionString) { Port = 1 }.ConnectionString;
        await using var app = await ProbeTestHost.StartAsync(
            o =>
            {
                o.CacheDuration = TimeSpan.Zero;
                o.CheckTimeout = TimeSpan.FromSeconds(10);
            },
            b =>
            {
                b.Services.AddSingleton(_ => NpgsqlDataSource.Create(_postgres.Server.ConnectionString));
                b.Services.AddHealthChecks().AddProductionReadyNpgsql(nowhere, commandText: ProbeQuery);
            }, server: TestServerKind.Kestrel);
        await app.WaitForStatusAsync("/health/startup", HttpStatusCode.OK, TimeSpan.FromSeconds(30));

        var before = _postgres.Server.CountStatements(ProbeQuery);
        Assert.Equal(HttpStatusCode.OK, await app.GetStatusAsync("/health/ready"));
        Assert.True(before + 1 == _postgres.Server.CountStatements(ProbeQuery), _postgres.Server.Log());
    }

    [Fact]
    public async Task Ready_is_503_with_the_server_stopped_and_200_again_once_it_is_back()
    {
        await using var app = await StartWithCheckAsync(o => o.CacheDuration = TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, await app.GetStatusAsync("/health/ready"));

        await _postgres.Server.StopAsync();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await app.GetStatusAsync("/health/ready"));
            Assert.Equal(HttpStatusCode.OK, await app.GetStatusAsync("/health/live"));
        }
        finally
        {
            await _postgres.Server.StartAgainAsync();
        }

        await app.WaitForStatusAsync("/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Ready_is_503_within_the_check_timeout_while_the_server_is_frozen_and_200_after_it_resumes()
    {
        var timeout = TimeSpan.FromMilliseconds(500);
        await using var app = await StartWithCheckAsync(
            o =>
            {
                o.CacheDuration = TimeSpan.Zero;
                o.CheckTimeout = timeout;
            });

        // Polling: the first connection's type loading may outlast the short timeout on a loaded machine.
        await app.WaitForStatusAsync("/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(20));

        _postgres.Server.Freeze(true);
        try
        {
            // Twice: once on the pooled connection (a hung query), once more while that one is still hung.
            for (var i = 0; i < 2; i++)
            {
                var watch = Stopwatch.StartNew();
                var status = await app.GetStatusAsync("/health/ready");
                watch.Stop();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);

                // The timeout plus generous scheduling slack on a shared machine; without the timeout
                // the probe would hang for Npgsql's 30 s command timeout.
                Assert.True(watch.Elapsed < timeout + TimeSpan.FromSeconds(2), $"Readiness took {watch.Elapsed} with a {timeout} check timeout.");
            }

            using var response = await app.Client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var entry = report.RootElement.GetProperty("entries").GetProperty("postgresql");
            Assert.Equal("Unhealthy", entry.GetProperty("status").GetString());
            Assert.Contains("Timed out", entry.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            _postgres.Server.Freeze(false);
        }

        await app.WaitForStatusAsync("/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_frozen_server_gets_one_connection_attempt_at_a_time_and_the_first_probe_after_it_resumes_passes()
    {
        await using var app = await StartWithCheckAsync(
            o =>
            {
                o.CacheDuration = TimeSpan.Zero;
                o.CheckTimeout = TimeSpan.FromSeconds(1);
            });
        await app.WaitForStatusAsync("/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        var before = _postgres.Server.CountClientConnections();

        _postgres.Server.Freeze(true);
        var most = before;
        try
        {
            // Each probe's check times out; before, each one left a new connection attempt hanging behind it.
            for (var i = 0; i < 6; i++)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, await app.GetStatusAsync("/health/ready"));
                most = Math.Max(most, _postgres.Server.CountClientConnections());
            }
        }
        finally
        {
            _postgres.Server.Freeze(false);
        }

        Assert.True(most <= before + 1, $"{most} connections to the frozen server (from {before} before it froze): more than one attempt at a time");

        // The attempt still in flight is answered as the server resumes: the first probe passes.
        Assert.Equal(HttpStatusCode.OK, await app.GetStatusAsync("/health/ready"));
    }

    [Fact]
    public async Task After_a_restart_the_first_probe_passes_the_dead_pooled_connection_is_not_reported()
    {
        await using var app = await StartWithCheckAsync(o => o.CacheDuration = TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, await app.GetStatusAsync("/health/ready"));

        // The pool holds the connection of that check; the restart closes it on the server's side.
        await _postgres.Server.StopAsync();
        await _postgres.Server.StartAgainAsync();

        using var response = await app.Client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, await app.GetStatusAsync("/health/ready"));
    }

    [Fact]
    public async Task At_a_cold_start_no_readiness_check_fails_for_the_drivers_first_connection()
    {
        // A fresh process: the first connection loads Npgsql's code and PostgreSQL's type catalogue, which
        // outlasts a short check timeout. Every 503 before ready must come from startup, not from a failed check.
        await using var sample = SampleProcess.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = _postgres.Server.ConnectionString,
            ["ProductionReady__Health__CheckTimeout"] = "00:00:00.250",
            ["ProductionReady__Health__CacheDuration"] = "00:00:00",
        });
        await sample.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = sample.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var answers = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            answers.Add(body);
            await Task.Delay(20);
        }

        Assert.DoesNotContain(answers, a => !a.Contains("\"reason\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_storm_of_1000_readiness_probes_20_at_a_time_reaches_the_server_only_a_handful_of_times()
    {
        var cache = TimeSpan.FromSeconds(1);
        await using var app = await StartWithCheckAsync(o => o.CacheDuration = cache);

        var before = _postgres.Server.CountStatements(ProbeQuery);
        var watch = Stopwatch.StartNew();
        var statuses = new HttpStatusCode[1000];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, statuses.Length),
            new ParallelOptions { MaxDegreeOfParallelism = 20 },
            async (i, _) => statuses[i] = await app.GetStatusAsync("/health/ready"));
        watch.Stop();
        var queries = _postgres.Server.CountStatements(ProbeQuery) - before;

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));

        // One evaluation per cache window at most, however many probes arrive meanwhile.
        var windows = (int)Math.Ceiling(watch.Elapsed / cache);
        Assert.InRange(queries, 1, windows + 1);
        Assert.True(queries <= 10, $"{queries} queries reached PostgreSQL for 1,000 probes in {watch.Elapsed}.");
    }

    [Fact]
    public async Task The_sample_adds_the_postgresql_check_when_a_connection_string_is_configured()
    {
        await using var sample = SampleProcess.Start(new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = _postgres.Server.ConnectionString });
        // Ready means the PostgreSQL check passed: the sample registered it and the database answers.
        await sample.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = sample.BaseAddress };

        using var report = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
        Assert.Equal("Healthy", report.RootElement.GetProperty("entries").GetProperty("postgresql").GetProperty("status").GetString());
    }

    /// <summary>
    /// A generous check timeout unless the test sets one: a data source's first connection loads
    /// PostgreSQL's type catalogue, which can take longer than the default 500 ms on a loaded machine.
    /// </summary>
    private async Task<TestHost> StartWithCheckAsync(Action<ProductionReadyHealthOptions> options)
    {
        var app = await ProbeTestHost.StartAsync(
            o =>
            {
                o.CheckTimeout = TimeSpan.FromSeconds(10);
                options(o);
            },
            b => b.Services.AddHealthChecks().AddProductionReadyNpgsql(_postgres.Server.ConnectionString, commandText: ProbeQuery), server: TestServerKind.Kestrel);

        // Readiness opens once the startup work, the data source's first connection among it, is done.
        await app.WaitForStatusAsync("/health/startup", HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        return app;
    }
}
