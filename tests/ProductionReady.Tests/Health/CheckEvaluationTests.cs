using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Testing;
using ProductionReady.Health;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Health;

/// <summary>Timeouts, single flight, the cache window, and what gets logged.</summary>
public sealed class CheckEvaluationTests
{
    [Fact]
    public async Task A_check_that_hangs_and_ignores_cancellation_makes_readiness_503_instead_of_hanging()
    {
        await using var app = await ProbeTestHost.StartAsync(
            o =>
            {
                o.CheckTimeout = TimeSpan.FromMilliseconds(100);
                o.ReportDetails = HealthReportDetails.Everyone;
            },
            b => b.Services.AddHealthChecks().AddCheck<HungCheck>("hung", tags: [HealthCheckTags.Ready]));

        // The test's own timeout: a hanging probe fails the test instead of hanging it.
        var ready = await app.SendAsync("/health/ready").WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(503, ready.StatusCode);

        using var report = JsonDocument.Parse((await app.SendAsync("/health").WaitAsync(TimeSpan.FromSeconds(30))).Body);
        var entry = report.RootElement.GetProperty("entries").GetProperty("hung");
        Assert.Equal("Unhealthy", entry.GetProperty("status").GetString());
        Assert.Equal("Timed out after 100 ms.", entry.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_timed_out_check_reports_its_registrations_failure_status()
    {
        await using var app = await ProbeTestHost.StartAsync(
            o => o.CheckTimeout = TimeSpan.FromMilliseconds(100),
            b => b.Services.AddHealthChecks().AddCheck<HungCheck>("cache", failureStatus: HealthStatus.Degraded, tags: [HealthCheckTags.Ready]));

        var ready = await app.SendAsync("/health/ready").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(200, ready.StatusCode);
        Assert.Contains("\"status\":\"Degraded\"", ready.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_probes_share_one_in_flight_evaluation()
    {
        var check = new SwitchableCheck { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var app = await ProbeTestHost.StartAsync(
            o =>
            {
                // A long window, so a caller arriving after the evaluation completes reuses it; every
                // caller arriving while it is held in flight must join it rather than start another.
                o.CacheDuration = TimeSpan.FromMinutes(5);
                o.CheckTimeout = TimeSpan.FromSeconds(30);
            },
            b => b.Services.AddHealthChecks().AddCheck("db", check, tags: [HealthCheckTags.Ready]));
        var readiness = app.Services.GetRequiredService<HealthEvaluations>().Ready;

        // The readiness probe's own evaluation, asked from 20 threads at once. Parallel.For returns once every caller
        // has its answer's task: that is the event that proves they all asked while the one evaluation is held.
        var answers = new Task<HealthReport>[20];
        Parallel.For(0, answers.Length, i => answers[i] = readiness.GetAsync().AsTask());
        Assert.All(answers, a => Assert.False(a.IsCompleted, "No answer may come before the held check is released."));

        check.Gate.SetResult();
        var reports = await Task.WhenAll(answers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, check.Runs);
        Assert.Single(reports.Distinct());
        Assert.Equal(200, (await app.SendAsync("/health/ready")).StatusCode);
        Assert.Equal(1, check.Runs);
    }

    [Fact]
    public async Task A_result_is_reused_within_the_cache_window()
    {
        var check = new SwitchableCheck();
        await using var app = await ProbeTestHost.StartAsync(
            o => o.CacheDuration = TimeSpan.FromMinutes(5),
            b => b.Services.AddHealthChecks().AddCheck("db", check, tags: [HealthCheckTags.Ready]));

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(200, (await app.SendAsync("/health/ready")).StatusCode);
        }

        Assert.Equal(1, check.Runs);
    }

    [Fact]
    public async Task Without_a_cache_window_every_sequential_probe_evaluates()
    {
        var check = new SwitchableCheck();
        await using var app = await ProbeTestHost.StartAsync(
            o => o.CacheDuration = TimeSpan.Zero,
            b => b.Services.AddHealthChecks().AddCheck("db", check, tags: [HealthCheckTags.Ready]));

        for (var i = 0; i < 10; i++)
        {
            await app.SendAsync("/health/ready");
        }

        Assert.Equal(10, check.Runs);
    }

    [Fact]
    public async Task A_state_change_is_logged_once_and_each_probe_only_at_debug()
    {
        var logs = new FakeLogCollector();
        var check = new SwitchableCheck();
        await using var app = await ProbeTestHost.StartAsync(
            o => o.CacheDuration = TimeSpan.Zero,
            b =>
            {
                b.Logging.AddProvider(new FakeLoggerProvider(logs));
                b.Logging.AddFilter("ProductionReady.Health", LogLevel.Debug);
                b.Services.AddHealthChecks().AddCheck("db", check, tags: [HealthCheckTags.Ready]);
            });

        await ProbeTimes(app, 3);
        check.Result = HealthCheckResult.Unhealthy("connection refused");
        await ProbeTimes(app, 3);
        check.Result = HealthCheckResult.Healthy("fine");
        await ProbeTimes(app, 3);

        var health = logs.GetSnapshot().Where(e => e.Category == "ProductionReady.Health").ToList();
        var unhealthy = Assert.Single(health, e => e.Level == LogLevel.Error);
        Assert.Contains("db is now Unhealthy (was Healthy): connection refused", unhealthy.Message, StringComparison.Ordinal);
        var recovered = Assert.Single(health, e => e.Level == LogLevel.Warning);
        Assert.Contains("db is now Healthy (was Unhealthy)", recovered.Message, StringComparison.Ordinal);
        var probes = health.Where(e => e.Id.Id == 2001).ToList();
        Assert.Equal(9, probes.Count);
        Assert.All(probes, e => Assert.Equal(LogLevel.Debug, e.Level));
    }

    [Fact]
    public async Task Duplicate_check_names_stop_the_app_at_startup()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ProbeTestHost.StartAsync(services: b => b.Services.AddHealthChecks()
            .AddCheck("db", new SwitchableCheck(), tags: [HealthCheckTags.Ready])
            .AddCheck("DB", new SwitchableCheck(), tags: [HealthCheckTags.Live])));

        Assert.Contains("db", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task ProbeTimes(TestHost app, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await app.SendAsync("/health/ready");
        }
    }
}
