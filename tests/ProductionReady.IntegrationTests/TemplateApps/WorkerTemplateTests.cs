using System.Globalization;
using System.Net;
using System.Text.Json;
using ProductionReady.IntegrationTests.Infrastructure;
using ProductionReady.IntegrationTests.Logging;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// <c>dotnet new worker</c> with the one line <c>builder.AddProductionReady()</c>, from the packed package, as
/// a kubelet and an operator see it: CLEF on stdout in Production, probes on the probe port (not ready while
/// the host starts, 503 from SIGTERM on), <c>--probe ready</c>, <c>--validate-config</c> and <c>--help</c> as dry
/// runs, a weak secret refused before the worker runs, and a shutdown without a drain delay.
/// </summary>
[Collection(PackedWorkerAppGroup.Name)]
public sealed class WorkerTemplateTests
{
    private readonly PackedWorkerApp _app;

    public WorkerTemplateTests(PackedWorkerApp app) => _app = app;

    [Fact]
    public async Task Probes_follow_the_workers_lifetime_and_SIGTERM_stops_it_without_a_drain_delay()
    {
        var port = FreePort.Next();
        var startGate = Path.Combine(_app.Scratch, Guid.NewGuid().ToString("n"));
        var stopGate = Path.Combine(_app.Scratch, Guid.NewGuid().ToString("n"));
        var environment = new Dictionary<string, string>
        {
            ["ProductionReady__Health__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["WORKER_START_GATE"] = startGate,
            ["WORKER_STOP_GATE"] = stopGate,
        };
        await using var worker = _app.Start(environment);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };

        // The host is starting (a hosted service holds it): alive, not ready.
        await worker.WaitForLineAsync(l => l.Contains("Start gate waiting", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/live"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/health/ready"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, "/anything-else"));

        // Started: ready, and --probe ready (a second process, same configuration) agrees.
        await File.WriteAllTextAsync(startGate, "open");
        await UntilAsync(client, "/health/ready", HttpStatusCode.OK, worker);
        var (probeExit, probeOut, probeErr) = await _app.RunToExitAsync(environment, "--probe", "ready");
        Assert.True(probeExit == 0, $"--probe ready exited {probeExit}\n{probeOut}\n{probeErr}");
        Assert.Contains($"ready: 200", probeOut, StringComparison.Ordinal);

        // SIGTERM while the worker finishes its job (a hosted service holds the stop): readiness 503 at once.
        await worker.WaitForLineAsync(l => l.Contains("Worker running at", StringComparison.Ordinal));
        worker.SendSigterm();
        await worker.WaitForLineAsync(l => l.Contains("Stop gate waiting", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/live"));
        await File.WriteAllTextAsync(stopGate, "open");
        Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        // Every stdout line is CLEF, the worker's own events included.
        var events = ClefLines.ParseEvery(worker.StdoutLines);
        Assert.Contains(events, e => e.GetProperty("@mt").GetString()!.StartsWith("Worker running at", StringComparison.Ordinal));

        // No drain: shutdown began with a drain delay of 0, and the stop went on at once (no 5 s wait between).
        var stopping = Assert.Single(events, e => Template(e).StartsWith("Shutdown began", StringComparison.Ordinal));
        Assert.Equal(0, stopping.GetProperty("DrainDelayMs").GetDouble());
        Assert.DoesNotContain(events, e => Template(e).StartsWith("Drain delay over", StringComparison.Ordinal));
        var stopGateReached = Assert.Single(events, e => Template(e) == "Stop gate waiting");
        var between = Timestamp(stopGateReached) - Timestamp(stopping);
        Assert.True(between < TimeSpan.FromSeconds(4), $"{between} between the start of the shutdown and the hosted services' stop: a drain delay ran");
    }

    [Fact]
    public async Task Validate_config_is_a_dry_run_that_never_starts_the_worker()
    {
        var marker = Path.Combine(_app.Scratch, Guid.NewGuid().ToString("n"));
        var port = FreePort.Next();
        var (exitCode, stdout, stderr) = await _app.RunToExitAsync(
            new Dictionary<string, string> { ["WORKER_RAN_MARKER"] = marker, ["ProductionReady__Health__Port"] = port.ToString(CultureInfo.InvariantCulture) },
            "--validate-config");

        Assert.True(exitCode == 0, $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains("ProductionReady configuration: no problems.", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the worker ran under --validate-config");
        Assert.DoesNotContain("Worker running at", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_secret_refuses_the_start_before_the_worker_runs()
    {
        var marker = Path.Combine(_app.Scratch, Guid.NewGuid().ToString("n"));
        var weak = "changeme" + "123";
        var (exitCode, stdout, stderr) = await _app.RunToExitAsync(
            new Dictionary<string, string>
            {
                ["WORKER_RAN_MARKER"] = marker,
                ["Payments__ApiKey"] = weak,
                ["ProductionReady__Health__Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            });

        var output = stdout + "\n" + stderr;
        StartupRefusal.AssertRefused(exitCode, stdout, stderr, "Payments:ApiKey [known-weak-value]");
        Assert.DoesNotContain(weak, output, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(marker), "the worker ran before the refusal");
        Assert.DoesNotContain("Worker running at", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_modes_and_exits_without_starting_the_worker()
    {
        var marker = Path.Combine(_app.Scratch, Guid.NewGuid().ToString("n"));
        var (exitCode, stdout, stderr) = await _app.RunToExitAsync(
            new Dictionary<string, string> { ["WORKER_RAN_MARKER"] = marker }, "--help");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains("--validate-config", stdout, StringComparison.Ordinal);
        Assert.Contains("--probe live|ready|startup", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the worker ran under --help");
    }

    private static string Template(JsonElement e) => e.GetProperty("@mt").GetString()!;

    private static DateTimeOffset Timestamp(JsonElement e) => DateTimeOffset.Parse(e.GetProperty("@t").GetString()!, CultureInfo.InvariantCulture);

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task UntilAsync(HttpClient client, string path, HttpStatusCode expected, ChildProcess worker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !worker.HasExited)
        {
            if (await StatusAsync(client, path) == expected)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{path} never answered {(int)expected}.\nstdout:\n{worker.Stdout}\nstderr:\n{worker.Stderr}");
    }
}
