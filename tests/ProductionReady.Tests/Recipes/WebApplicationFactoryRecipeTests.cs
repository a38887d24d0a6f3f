using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace ProductionReady.Tests.Recipes;

/// <summary>
/// The README's recipe "Integration tests with WebApplicationFactory", as written there: the app in
/// Production with a strong secret made at test time, the request event read through FakeLogCollector,
/// and a weak secret refused with the report's exception.
/// </summary>
public sealed class WebApplicationFactoryRecipeTests
{
    // recipe:start
    private static WebApplicationFactory<Program> Factory(string apiKey) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")                     // secret validation, CLEF and headers as deployed
            .UseSetting("Sample:ApiKey", apiKey)              // made at test time, never a committed literal
            .ConfigureServices(s => s.AddFakeLogging()));     // our pipeline keeps other providers: read events here

    [Fact]
    public async Task The_app_is_ready_sends_the_headers_and_logs_each_request()
    {
        await using var factory = Factory(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("X-Request-ID"));
        var logs = factory.Services.GetFakeLogCollector();
        Assert.Contains(logs.GetSnapshot(), r => r.Category == "ProductionReady.RequestLogging" && r.Message.Contains("GET /", StringComparison.Ordinal));
    }

    [Fact]
    public void A_weak_secret_stops_the_app_with_the_report()
    {
        using var factory = Factory("changeme");

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Sample:ApiKey", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("changeme", refused.Message, StringComparison.Ordinal);
    }
    // recipe:end
}
