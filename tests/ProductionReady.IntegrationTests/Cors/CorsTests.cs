using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Cors;

/// <summary>The configured CORS policy on real Kestrel, and its startup refusal in the real sample process.</summary>
public sealed class CorsTests
{
    private const string Allowed = "https://app.example.com";

    [Fact]
    public async Task A_preflight_from_a_configured_origin_is_allowed_and_from_any_other_origin_is_not()
    {
        await using var app = await FullApp.StartAsync(new()
        {
            ["ProductionReady:Cors:AllowedOrigins:0"] = Allowed,
            ["ProductionReady:Cors:AllowedOrigins:1"] = "https://admin.example.com:8443",
        });
        using var client = new HttpClient();

        using (var allowed = await PreflightAsync(client, app.Origin, Allowed))
        {
            Assert.Equal(Allowed, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
            Assert.Contains("POST", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
            Assert.False(allowed.Headers.Contains("Access-Control-Allow-Credentials"), "credentials are allowed only when asked");
        }

        foreach (var other in new[] { "https://evil.example", "http://app.example.com", "https://app.example.com.evil.example", "null" })
        {
            using var refused = await PreflightAsync(client, app.Origin, other);
            Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"), $"{other} was allowed");
        }

        // A simple cross-origin GET from the configured origin carries the header too.
        using var get = new HttpRequestMessage(HttpMethod.Get, $"{app.Origin}/whoami");
        get.Headers.Add("Origin", "https://admin.example.com:8443");
        using var answer = await client.SendAsync(get);
        Assert.Equal("https://admin.example.com:8443", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Without_origins_no_CORS_header_is_ever_sent()
    {
        await using var app = await FullApp.StartAsync([]);
        using var client = new HttpClient();

        using var response = await PreflightAsync(client, app.Origin, Allowed);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Credentials_are_allowed_only_when_asked()
    {
        await using var app = await FullApp.StartAsync(new()
        {
            ["ProductionReady:Cors:AllowedOrigins:0"] = Allowed,
            ["ProductionReady:Cors:AllowCredentials"] = "true",
        });
        using var client = new HttpClient();

        using var response = await PreflightAsync(client, app.Origin, Allowed);

        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Credentials")));
    }

    [Fact]
    public async Task Development_accepts_a_localhost_origin_over_http()
    {
        await using var app = await FullApp.StartAsync(new() { ["ProductionReady:Cors:AllowedOrigins:0"] = "http://localhost:5173" }, "Development");
        using var client = new HttpClient();

        using var response = await PreflightAsync(client, app.Origin, "http://localhost:5173");

        Assert.Equal("http://localhost:5173", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task A_wildcard_origin_in_Production_stops_the_sample_with_exit_1_and_a_report_naming_the_key()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Sample__ApiKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                ["ProductionReady__Cors__AllowedOrigins__0"] = "https://app.example.com",
                ["ProductionReady__Cors__AllowedOrigins__1"] = "*",
                ["ProductionReady__Cors__AllowedOrigins__2"] = "http://app.example.com",
                ["ProductionReady__Cors__AllowedOrigins__3"] = "https://app.example.com/app",
            },
            TimeSpan.FromSeconds(60));

        StartupRefusal.AssertRefused(exitCode, stdout, stderr, "ProductionReady:Cors:AllowedOrigins:1", "ProductionReady:Cors:AllowedOrigins:2", "ProductionReady:Cors:AllowedOrigins:3");
        Assert.DoesNotContain("ProductionReady:Cors:AllowedOrigins:0", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methods_and_headers_from_configuration_replace_the_defaults()
    {
        await using var app = await FullApp.StartAsync(new()
        {
            ["ProductionReady:Cors:AllowedOrigins:0"] = Allowed,
            ["ProductionReady:Cors:AllowedMethods:0"] = "GET",
            ["ProductionReady:Cors:AllowedHeaders:0"] = "Content-Type",
        });
        using var client = new HttpClient();

        using (var get = await PreflightAsync(client, app.Origin, Allowed, "GET", "content-type"))
        {
            Assert.Equal(Allowed, Assert.Single(get.Headers.GetValues("Access-Control-Allow-Origin")));
            Assert.Equal("GET", string.Join(",", get.Headers.GetValues("Access-Control-Allow-Methods")));
        }

        // Neither DELETE nor an Authorization header is allowed any more: the preflight gets no permission for them.
        using var delete = await PreflightAsync(client, app.Origin, Allowed, "DELETE", "authorization");
        Assert.False(delete.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("DELETE", StringComparison.Ordinal)), "DELETE was allowed");
        Assert.False(delete.Headers.TryGetValues("Access-Control-Allow-Headers", out var headers) && headers.Any(h => h.Contains("authorization", StringComparison.OrdinalIgnoreCase)), "Authorization was allowed");
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string origin, string from, string method = "POST", string headers = "content-type")
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, $"{origin}/whoami");
        request.Headers.Add("Origin", from);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await client.SendAsync(request);
    }
}
