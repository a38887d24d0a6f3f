// Tests log the way applications do, including the mistakes (concatenated text) masking must survive.
#pragma warning disable CA1848, CA1873, CA2254

using System.Text;
using Microsoft.AspNetCore.Hosting;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Logging;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, log events also leave the process over OTLP/HTTP. A real collector
/// stand-in on loopback receives the exporter's bytes: the secrets stdout masks are masked there too.
/// </summary>
public sealed class OtlpExportMaskingTests
{
    [Fact]
    public async Task Secrets_logged_by_the_app_appear_nowhere_in_the_bytes_exported_over_otlp()
    {
        // Built at test time from pieces, never committed as one literal.
        var databasePassword = "db-" + Guid.NewGuid().ToString("N")[..14] + "-Pw";
        var apiKey = "ak-" + Guid.NewGuid().ToString("N") + "-Key";
        var gitHubToken = ProductionReady.TestSupport.TokenFormatSamples.WithBase62Checksum("gh" + "p_", new string('a', 12) + "B" + Guid.NewGuid().ToString("N")[..17]);
        var connectionString = $"Host=db.internal;Username=orders;Password={databasePassword};Database=orders";
        var marker = "otlp-done-" + Guid.NewGuid().ToString("N");

        await using var collector = await OtlpCollector.StartAsync();
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint;
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.Configuration["Payments:ApiKey"] = apiKey;
        builder.AddProductionReady();
        await using (var app = builder.Build())
        {
            app.UseProductionReady();
            app.MapGet("/connect", (ILogger<OtlpExportMaskingTests> logger) =>
            {
                logger.LogInformation("connecting with {Conn}", connectionString);
                logger.LogInformation("connecting with " + connectionString);
                logger.LogWarning("calling payments with key " + apiKey);
                logger.LogInformation("token {Value} received", gitHubToken);
                logger.LogError(new InvalidOperationException("cannot open " + connectionString), "opening failed");
                return "ok";
            });
            await app.StartAsync();
            using (var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
            {
                (await client.GetAsync(new Uri("/connect", UriKind.Relative))).EnsureSuccessStatusCode();
            }

            app.Services.GetRequiredService<ILogger<OtlpExportMaskingTests>>().LogInformation("last event {Marker}", marker);
            await app.StopAsync();
        }

        // Disposing the host flushes the exporter; the collector saw the last event, so it saw every earlier one.
        await collector.WaitForAsync("/v1/logs", marker);
        var exported = collector.Bytes("/v1/logs");
        var text = Encoding.UTF8.GetString(exported);
        Assert.Contains("connecting with {Conn}", text, StringComparison.Ordinal);
        Assert.Contains("Password=***", text, StringComparison.Ordinal);
        Assert.Contains("calling payments with key ***", text, StringComparison.Ordinal);
        foreach (var secret in new[] { databasePassword, apiKey, gitHubToken })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.Equal(-1, exported.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }
    }
}
