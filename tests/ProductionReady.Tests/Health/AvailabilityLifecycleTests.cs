using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Health;

/// <summary>Readiness and startup follow the host's lifetime and the app's startup work.</summary>
public sealed class AvailabilityLifecycleTests
{
    [Fact]
    public async Task Readiness_and_startup_are_503_until_the_host_has_started_while_liveness_is_200()
    {
        var hold = new HoldStartedService();
        await using var app = await ProbeTestHost.StartAsync(services: b => b.Services.AddHostedService(_ => hold), start: false);
        var starting = app.App.StartAsync();

        // The server serves, but ApplicationStarted has not fired: a started hook is still running.
        await hold.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var ready = await app.SendAsync("/health/ready");
        Assert.Equal(503, ready.StatusCode);
        Assert.Contains("\"reason\":\"starting\"", ready.Body, StringComparison.Ordinal);
        Assert.Equal(503, (await app.SendAsync("/health/startup")).StatusCode);
        Assert.Equal(200, (await app.SendAsync("/health/live")).StatusCode);
        Assert.Equal(ApplicationPhase.Starting, app.Services.GetRequiredService<IApplicationAvailability>().Phase);

        hold.Release.SetResult();
        await starting;
        Assert.Equal(200, (await app.SendAsync("/health/ready")).StatusCode);
        Assert.Equal(200, (await app.SendAsync("/health/startup")).StatusCode);
    }

    [Fact]
    public async Task Readiness_is_503_from_the_moment_shutdown_begins_while_liveness_stays_200()
    {
        await using var app = await ProbeTestHost.StartAsync();
        Assert.Equal(200, (await app.SendAsync("/health/ready")).StatusCode);

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var ready = await app.SendAsync("/health/ready");
        Assert.Equal(503, ready.StatusCode);
        Assert.Contains("\"reason\":\"stopping\"", ready.Body, StringComparison.Ordinal);
        Assert.Equal(200, (await app.SendAsync("/health/live")).StatusCode);
        Assert.Equal(200, (await app.SendAsync("/health/startup")).StatusCode);
    }

    [Fact]
    public async Task During_the_stopping_phase_where_the_drain_runs_readiness_is_503_and_the_app_still_serves()
    {
        var observed = new TaskCompletionSource<(int Ready, int App)>();
        var time = new TimerWatchingTimeProvider(TimeSpan.FromSeconds(10));
        await using var app = await ProbeTestHost.StartAsync(
            o => o.DrainDelay = TimeSpan.FromSeconds(10),
            services: b =>
            {
                b.Services.AddSingleton<TimeProvider>(time);
                b.Services.AddSingleton<IHostedService>(sp => new ProbeDuringStopping(sp, observed));
            });

        var stopping = app.App.StopAsync();
        var (ready, root) = await observed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(503, ready);
        Assert.Equal(200, root);

        // The drain holds the stop on a ten-second timer of the app's clock, started a moment after readiness closed:
        // once that timer exists, no fake time has passed, so the stop is still held; its ten seconds pass and it completes.
        await time.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(stopping.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(10));
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Startup_and_readiness_wait_for_the_registered_startup_work()
    {
        var migrations = new TaskCompletionSource();
        await using var app = await ProbeTestHost.StartAsync(services: b => b.Services.AddStartupWork("migrations", (_, ct) => migrations.Task.WaitAsync(ct)));

        var startup = await app.SendAsync("/health/startup");
        Assert.Equal(503, startup.StatusCode);
        Assert.Contains("\"reason\":\"startup pending\"", startup.Body, StringComparison.Ordinal);
        Assert.Equal(503, (await app.SendAsync("/health/ready")).StatusCode);
        Assert.Equal(200, (await app.SendAsync("/health/live")).StatusCode);

        migrations.SetResult();
        await WaitForAsync(app, "/health/startup", 200);
        Assert.Equal(200, (await app.SendAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Startup_work_types_run_in_order_in_their_own_scope()
    {
        var log = new List<string>();
        await using var app = await ProbeTestHost.StartAsync(services: b =>
        {
            b.Services.AddSingleton(log);
            b.Services.AddStartupWork<FirstWork>();
            b.Services.AddStartupWork("second", (sp, _) =>
            {
                sp.GetRequiredService<List<string>>().Add("second");
                return Task.CompletedTask;
            });
        });

        await WaitForAsync(app, "/health/startup", 200);
        Assert.Equal(["first", "second"], log);
    }

    [Fact]
    public async Task Failed_startup_work_keeps_startup_503_and_makes_liveness_503()
    {
        await using var app = await ProbeTestHost.StartAsync(services: b => b.Services.AddStartupWork("migrations", (_, _) => throw new InvalidOperationException("schema mismatch")));

        await WaitForAsync(app, "/health/live", 503);
        var startup = await app.SendAsync("/health/startup");
        Assert.Equal(503, startup.StatusCode);
        Assert.Contains("\"reason\":\"startup failed\"", startup.Body, StringComparison.Ordinal);
        Assert.Equal(503, (await app.SendAsync("/health/ready")).StatusCode);
    }

    private static async Task WaitForAsync(TestHost app, string path, int status)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await app.SendAsync(path)).StatusCode == status)
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"{path} never answered {status}.");
    }

    private sealed class FirstWork(List<string> log) : IStartupWork
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            log.Add("first");
            return Task.CompletedTask;
        }
    }

    /// <summary>A fake clock that says when a timer of the given due time is created on it (the drain's delay).</summary>
    private sealed class TimerWatchingTimeProvider(TimeSpan watched) : FakeTimeProvider
    {
        private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _created.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime == watched)
            {
                _created.TrySetResult();
            }

            return timer;
        }
    }

    /// <summary>Holds the host in StartedAsync: the server serves, ApplicationStarted has not fired.</summary>
    private sealed class HoldStartedService : IHostedLifecycleService
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StartedAsync(CancellationToken cancellationToken)
        {
            Reached.SetResult();
            await Release.Task;
        }

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>From StoppingAsync, probes the pipeline in the background once readiness has closed, i.e. during the drain.</summary>
    private sealed class ProbeDuringStopping(IServiceProvider services, TaskCompletionSource<(int, int)> observed) : IHostedLifecycleService
    {
        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken)
        {
            _ = Task.Run(async () =>
            {
                var availability = services.GetRequiredService<IApplicationAvailability>();
                while (availability.Phase != ApplicationPhase.Stopping)
                {
                    await Task.Delay(10);
                }

                var server = (TestServer)services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
                var ready = await server.SendAsync(c => c.Request.Path = "/health/ready");
                var root = await server.SendAsync(c => c.Request.Path = "/");
                observed.TrySetResult((ready.Response.StatusCode, root.Response.StatusCode));
            }, CancellationToken.None);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
