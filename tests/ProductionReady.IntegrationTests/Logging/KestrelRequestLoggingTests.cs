using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ProductionReady.Logging;

namespace ProductionReady.IntegrationTests.Logging;

/// <summary>Request logging under real Kestrel on 127.0.0.1, with the log captured in memory.</summary>
public sealed class KestrelRequestLoggingTests
{
    [Fact]
    public async Task An_unhandled_exception_is_logged_once_with_the_request_and_kestrel_answers_500()
    {
        var output = new StringWriter { NewLine = "\n" };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(LogDestination.To(output));
        builder.AddProductionReadyLogging();
        await using var app = builder.Build();
        app.UseProductionReadyRequestLogging();
        app.MapGet("/throw", string () => throw new InvalidOperationException("kestrel boom"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/throw");
        request.Headers.Add("X-Request-ID", "boom-1");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await app.StopAsync();
        Assert.True(app.Services.GetRequiredService<LogPipeline>().Flush(TimeSpan.FromSeconds(10)));

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        var withException = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("@x", out var x) && x.GetString()!.Contains("kestrel boom", StringComparison.Ordinal))
            .ToList();
        var only = Assert.Single(withException);
        Assert.Equal("ProductionReady.RequestLogging", only.GetProperty("SourceContext").GetString());
        Assert.Equal("Error", only.GetProperty("@l").GetString());
        Assert.Equal(500, only.GetProperty("StatusCode").GetInt32());
        Assert.Equal("boom-1", only.GetProperty("RequestId").GetString());
    }
}
