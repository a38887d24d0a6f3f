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
        app.UseProductionReadyLogging();
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

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task Every_kind_of_error_response_carries_the_security_headers_and_the_request_id_and_the_exception_is_logged_once(string environment, bool exceptionHandler)
    {
        var output = new StringWriter { NewLine = "\n" };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["ProductionReady:Health:DrainDelay"] = "00:00:00";
        builder.Configuration["ProductionReady:Logging:Format"] = "Json";
        builder.Services.AddSingleton(LogDestination.To(output));
        builder.AddProductionReady();
        await using var app = builder.Build();
        app.UseProductionReady();
        if (exceptionHandler)
        {
            app.UseExceptionHandler(error => error.Run(context =>
            {
                context.Response.StatusCode = 500;
                return context.Response.WriteAsync("handled");
            }));
        }

        app.MapGet("/throw", string () => throw new InvalidOperationException("error response boom"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/throw");
        request.Headers.Add("X-Request-ID", "error-1");
        var response = await client.SendAsync(request);
        await app.StopAsync();
        Assert.True(app.Services.GetRequiredService<LogPipeline>().Flush(TimeSpan.FromSeconds(10)));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("error-1", Assert.Single(response.Headers.GetValues("X-Request-ID")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Content-Security-Policy") || response.Content.Headers.Contains("Content-Security-Policy"));

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        var reports = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("@x", out var x) && x.GetString()!.Contains("error response boom", StringComparison.Ordinal))
            .ToList();
        Assert.True(reports.Count == 1, text);
    }
}
