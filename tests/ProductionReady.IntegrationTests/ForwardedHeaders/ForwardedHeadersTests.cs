using System.Text.Json;
using ProductionReady.IntegrationTests.Health;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.ForwardedHeaders;

/// <summary>
/// Trusted proxies on real Kestrel with real client addresses: 127.0.0.2, 127.0.0.3 … are all loopback,
/// and the test binds its client socket to one of them, so the app's connection peer is that address.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string TrustedProxy = "127.0.0.2";
    private const string UntrustedPeer = "127.0.0.3";

    [Fact]
    public async Task Behind_a_trusted_proxy_the_app_sees_the_forwarded_client_scheme_and_host()
    {
        await using var app = await FullApp.StartAsync(new() { ["ProductionReady:ForwardedHeaders:TrustedProxies:0"] = TrustedProxy });
        using var proxy = LoopbackClient.From(TrustedProxy);

        var seen = await app.WhoAmIAsync(proxy, ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "api.example.com"));

        Assert.Equal("203.0.113.7", seen.Address);
        Assert.Equal("https", seen.Scheme);
        Assert.Equal("api.example.com", seen.Host);
    }

    [Fact]
    public async Task A_spoofed_X_Forwarded_For_from_an_untrusted_peer_is_ignored()
    {
        await using var app = await FullApp.StartAsync(new() { ["ProductionReady:ForwardedHeaders:TrustedProxies:0"] = TrustedProxy });
        using var caller = LoopbackClient.From(UntrustedPeer);

        var seen = await app.WhoAmIAsync(caller, ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "api.example.com"));

        Assert.Equal(UntrustedPeer, seen.Address);
        Assert.Equal("http", seen.Scheme);
        Assert.StartsWith("127.0.0.1:", seen.Host, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_is_the_rightmost_untrusted_hop_not_what_the_caller_wrote_first()
    {
        // The caller wrote "198.51.100.1" itself; the proxy appended the caller's real address.
        await using var app = await FullApp.StartAsync(new() { ["ProductionReady:ForwardedHeaders:TrustedProxies:0"] = "127.0.0.0/29" });
        using var proxy = LoopbackClient.From(TrustedProxy);

        var seen = await app.WhoAmIAsync(proxy, ("X-Forwarded-For", "198.51.100.1, 203.0.113.7"));
        Assert.Equal("203.0.113.7", seen.Address);

        // Two trusted hops (127.0.0.4 is inside 127.0.0.0/29): the client is the address before them.
        seen = await app.WhoAmIAsync(proxy, ("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 127.0.0.4"));
        Assert.Equal("203.0.113.7", seen.Address);
    }

    [Fact]
    public async Task Without_a_trusted_proxy_forwarded_headers_are_ignored_even_from_loopback()
    {
        await using var app = await FullApp.StartAsync([]);
        using var caller = LoopbackClient.From(TrustedProxy);

        var seen = await app.WhoAmIAsync(caller, ("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https"));

        Assert.Equal(TrustedProxy, seen.Address);
        Assert.Equal("http", seen.Scheme);
    }

    [Fact]
    public async Task A_request_a_proxy_on_this_machine_relays_for_a_remote_client_gets_no_health_details()
    {
        // The proxy is on this machine (loopback). Its own request is an insider's; one it relays for a remote client
        // (it says so with X-Forwarded-For) is not: the gate judges who is asking, never who the headers claim.
        await using var app = await FullApp.StartAsync(new() { ["ProductionReady:ForwardedHeaders:TrustedProxies:0"] = TrustedProxy });
        using var proxy = LoopbackClient.From(TrustedProxy);
        using (var own = JsonDocument.Parse(await proxy.GetStringAsync(new Uri($"{app.Origin}/health"))))
        {
            Assert.True(own.RootElement.TryGetProperty("entries", out _), own.RootElement.ToString());
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{app.Origin}/health");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await proxy.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.False(body.RootElement.TryGetProperty("entries", out _), body.RootElement.ToString());
    }

    [Fact]
    public async Task A_trusted_remote_proxy_forwarding_a_loopback_claim_does_not_unlock_health_details()
    {
        using var ns = NetworkNamespace.Create();
        await using var sample = SampleProcess.Start(new Dictionary<string, string?>
        {
            ["ProductionReady__ForwardedHeaders__TrustedProxies__0"] = ns.PeerAddress,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{{port}};http://{ns.HostAddress}:{{port}}",
        });
        await sample.WaitUntilReadyAsync();

        var (exitCode, stdout, stderr) = ns.Exec("curl", ["--silent", "--show-error", "--max-time", "10", "-H", "X-Forwarded-For: 127.0.0.1", $"http://{ns.HostAddress}:{sample.Port}/health"]);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("{\"status\":\"Healthy\"}", stdout);
    }

    [Fact]
    public async Task ASPNETCORE_FORWARDEDHEADERS_ENABLED_in_Production_gets_a_warning_that_says_how_to_list_the_proxies()
    {
        await using var app = await FullApp.StartAsync(new() { ["FORWARDEDHEADERS_ENABLED"] = "true" });

        var warning = Assert.Single(app.Logs.GetSnapshot(), e => e.Id.Name == "ForwardedHeadersTrustEveryone");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("ProductionReady:ForwardedHeaders:TrustedProxies", warning.Message, StringComparison.Ordinal);
        Assert.Contains("from every caller", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoHttpsInProduction_stays_quiet_once_a_proxy_is_trusted_and_fires_without_one()
    {
        await using (var trusted = await FullApp.StartAsync(new() { ["ProductionReady:ForwardedHeaders:TrustedProxies:0"] = "10.0.0.0/8" }))
        {
            // The warning is written when the application has started: every event of the start comes before the marker.
            Assert.DoesNotContain(await trusted.StartupEventsAsync(), e => e.Id.Name == "NoHttpsInProduction");
        }

        await using var plain = await FullApp.StartAsync([]);
        Assert.Contains(await plain.StartupEventsAsync(), e => e.Id.Name == "NoHttpsInProduction");
    }
}
