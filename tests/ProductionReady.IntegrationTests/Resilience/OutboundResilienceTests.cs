using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using ProductionReady.IntegrationTests.Infrastructure;
using ProductionReady.Logging;

namespace ProductionReady.IntegrationTests.Resilience;

/// <summary>
/// Every HttpClient from IHttpClientFactory gets the standard resilience handler: against a real Kestrel on 127.0.0.1
/// that answers 503 twice and then 200, an idempotent request succeeds on its third attempt; a POST or PATCH is sent
/// once; an opted-out client, and every client with the capability off, is sent once.
/// </summary>
public sealed class OutboundResilienceTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task An_idempotent_request_is_retried_through_two_503s_and_succeeds(string method)
    {
        await using var upstream = await FlakyUpstream.StartAsync(failures: 2);
        using var client = ClientHost(settings: []);

        using var response = await client.Factory.CreateClient("orders").SendAsync(new HttpRequestMessage(new HttpMethod(method), upstream.Url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, upstream.Requests);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task A_request_that_is_not_idempotent_is_sent_once(string method)
    {
        await using var upstream = await FlakyUpstream.StartAsync(failures: 2);
        using var client = ClientHost(settings: []);

        using var response = await client.Factory.CreateClient("orders").SendAsync(
            new HttpRequestMessage(new HttpMethod(method), upstream.Url) { Content = new StringContent("{}") });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, upstream.Requests);
    }

    [Fact]
    public async Task A_client_opted_out_in_code_is_not_retried_while_the_others_are()
    {
        await using var upstream = await FlakyUpstream.StartAsync(failures: 2);
        using var client = ClientHost(settings: [], services => services.AddHttpClient("legacy").WithoutProductionReadyResilience());

        using var response = await client.Factory.CreateClient("legacy").GetAsync(upstream.Url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, upstream.Requests);
    }

    [Theory]
    [InlineData("ProductionReady:Resilience:ExcludedClients:0", "orders")]
    [InlineData("ProductionReady:Resilience:Enabled", "false")]
    public async Task A_client_excluded_in_configuration_or_the_capability_off_is_not_retried(string key, string value)
    {
        await using var upstream = await FlakyUpstream.StartAsync(failures: 2);
        using var client = ClientHost(settings: new() { [key] = value });

        using var response = await client.Factory.CreateClient("orders").GetAsync(upstream.Url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, upstream.Requests);
    }

    [Fact]
    public async Task A_workers_clients_are_retried_too()
    {
        await using var upstream = await FlakyUpstream.StartAsync(failures: 2);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration["ProductionReady:Resilience:RetryDelay"] = "00:00:00.010";
        builder.Configuration["ProductionReady:Health:Port"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Services.AddSingleton(LogDestination.To(TextWriter.Null));
        builder.AddProductionReady();
        using var worker = builder.Build();

        using var response = await worker.Services.GetRequiredService<IHttpClientFactory>().CreateClient("orders").GetAsync(upstream.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, upstream.Requests);
    }

    [Fact]
    public void A_total_timeout_not_longer_than_the_attempt_timeout_is_refused_at_startup()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ProductionReady:Resilience:AttemptTimeout"] = "00:00:30";
        builder.Configuration["ProductionReady:Resilience:TotalTimeout"] = "00:00:20";
        builder.Services.AddSingleton(LogDestination.To(TextWriter.Null));
        builder.AddProductionReady();

        var refusal = Assert.Throws<ProductionReadyConfigurationException>(() => builder.Build());
        Assert.Contains("ProductionReady:Resilience:TotalTimeout", refusal.Message, StringComparison.Ordinal);
    }

    private static ClientApp ClientHost(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ProductionReady:Resilience:RetryDelay"] = "00:00:00.010";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(LogDestination.To(TextWriter.Null));
        builder.AddProductionReady();
        services?.Invoke(builder.Services);
        return new ClientApp(builder.Build());
    }

    private sealed class ClientApp(WebApplication app) : IDisposable
    {
        public IHttpClientFactory Factory { get; } = app.Services.GetRequiredService<IHttpClientFactory>();

        public void Dispose() => ((IDisposable)app).Dispose();
    }

    /// <summary>A real Kestrel on 127.0.0.1 that answers 503 to the first <c>failures</c> requests, then 200.</summary>
    private sealed class FlakyUpstream : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private FlakyUpstream(WebApplication app, Uri url)
        {
            _app = app;
            Url = url;
        }

        public Uri Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        public static async Task<FlakyUpstream> StartAsync(int failures)
        {
            var port = FreePort.Next();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var upstream = new FlakyUpstream(app, new Uri($"http://127.0.0.1:{port}/orders/1"));
            app.Map("/orders/1", () => Interlocked.Increment(ref upstream._requests) <= failures ? Results.StatusCode(503) : Results.Ok("placed"));
            await app.StartAsync();
            return upstream;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
