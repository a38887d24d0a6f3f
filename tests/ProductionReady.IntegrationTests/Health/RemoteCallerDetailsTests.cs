using System.Text.Json;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Health;

/// <summary>
/// Health details never reach a remote caller through forwarded headers: the sample with
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> (the container switch that trusts every proxy), called
/// from a network namespace of the test's own over a veth pair, with <c>X-Forwarded-For: 127.0.0.1</c>.
/// </summary>
public sealed class RemoteCallerDetailsTests
{
    [Fact]
    public async Task A_remote_caller_claiming_loopback_in_X_Forwarded_For_gets_the_status_alone()
    {
        using var ns = NetworkNamespace.Create();
        await using var sample = SampleProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{{port}};http://{ns.HostAddress}:{{port}}",
        });
        await sample.WaitUntilReadyAsync();
        var remote = $"http://{ns.HostAddress}:{sample.Port}";

        // The control: a loopback caller gets the details, so the remote answer below is the policy at work.
        using var client = new HttpClient { BaseAddress = sample.BaseAddress };
        using (var local = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative))))
        {
            Assert.True(local.RootElement.TryGetProperty("entries", out _));
            Assert.True(local.RootElement.TryGetProperty("version", out _));
        }

        foreach (var forwarded in new[] { "127.0.0.1", "::1", "127.0.0.1, 10.0.0.1" })
        {
            var body = Curl(ns, $"{remote}/health", "-H", $"X-Forwarded-For: {forwarded}");
            Assert.True(body == "{\"status\":\"Healthy\"}", $"X-Forwarded-For: {forwarded} gave the remote caller: {body}");
        }

        Assert.Equal("{\"status\":\"Healthy\"}", Curl(ns, $"{remote}/health"));

        // Probe bodies carry the status alone, whoever asks: no version, no commit.
        foreach (var probe in new[] { "live", "ready", "startup" })
        {
            Assert.Equal("{\"status\":\"Healthy\"}", Curl(ns, $"{remote}/health/{probe}", "-H", "X-Forwarded-For: 127.0.0.1"));
        }
    }

    private static string Curl(NetworkNamespace ns, string url, params string[] args)
    {
        var (exitCode, stdout, stderr) = ns.Exec("curl", ["--silent", "--show-error", "--max-time", "10", .. args, url]);
        Assert.True(exitCode == 0, $"curl {url} from {ns.PeerAddress} failed ({exitCode}): {stderr}");
        return stdout;
    }
}
