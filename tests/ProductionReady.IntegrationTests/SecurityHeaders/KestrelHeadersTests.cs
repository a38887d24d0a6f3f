using System.Net;

namespace ProductionReady.IntegrationTests.SecurityHeaders;

/// <summary>On real Kestrel: no Server header at all (it is added after the app's callbacks, so only turning it off works).</summary>
public sealed class KestrelHeadersTests
{
    [Fact]
    public async Task Kestrel_sends_the_api_profile_and_no_server_header_on_200_and_404()
    {
        await using var app = await KestrelApp.StartAsync(true, a => a.MapGet("/", () => Results.Ok(new { ok = true })));
        await using var plain = await KestrelApp.StartAsync(false, a => a.MapGet("/", () => Results.Ok(new { ok = true })));
        using var client = new HttpClient();

        using var ok = await client.GetAsync(new Uri($"{app.Origin}/"));
        using var missing = await client.GetAsync(new Uri($"{app.Origin}/missing"));
        using var control = await client.GetAsync(new Uri($"{plain.Origin}/"));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        foreach (var response in new[] { ok, missing })
        {
            Assert.False(response.Headers.Contains("Server"));
            Assert.Equal("default-src 'none'; frame-ancestors 'none'; report-uri /csp-reports", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        }

        // Control: Kestrel does send it when nobody turns it off.
        Assert.Equal("Kestrel", string.Join(",", control.Headers.GetValues("Server")));
    }
}
