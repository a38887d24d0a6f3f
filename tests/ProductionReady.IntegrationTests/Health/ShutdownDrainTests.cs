using System.Net;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Health;

/// <summary>SIGTERM, as Kubernetes sends it: readiness closes at once, the server keeps serving for the drain delay, then exits 0.</summary>
public sealed class ShutdownDrainTests
{
    [Fact]
    public async Task After_sigterm_readiness_is_503_while_the_process_still_serves_then_it_exits_0()
    {
        await using var sample = SampleProcess.Start(new Dictionary<string, string?> { ["ProductionReady__Health__DrainDelay"] = "00:00:06" });
        await sample.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = sample.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        sample.SendSigterm();
        await sample.WaitForLineAsync(l => l.Contains("readiness now answers 503", StringComparison.Ordinal));

        // During the drain: load balancers see 503 on readiness, in-flight and late requests are still served.
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var report = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var app = await client.GetAsync(new Uri("/", UriKind.Relative));
        var stillRunning = !sample.HasExited;
        var (_, probeStdout, _) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = sample.BaseAddress.ToString() }, TimeSpan.FromSeconds(30), "--probe", "ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"reason\":\"stopping\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        // The overall report agrees with readiness while draining.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
        Assert.Contains("\"status\":\"Unhealthy\"", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("close", app.Headers.Connection.Single());
        Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        Assert.True(stillRunning);
        Assert.Contains("ready: 503", probeStdout, StringComparison.Ordinal);

        Assert.Equal(0, await sample.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(sample.StdoutLines, l => l.Contains("Drain delay over", StringComparison.Ordinal));
    }
}
