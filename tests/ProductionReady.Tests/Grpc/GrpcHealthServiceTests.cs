using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductionReady.Tests.Health;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Grpc;

/// <summary>
/// <c>grpc.health.v1.Health/Check</c> over TestServer answers what the HTTP probe paths answer: the same
/// checks, the same availability (a broken app is not live).
/// </summary>
public sealed class GrpcHealthServiceTests
{
    private const byte Serving = 1;
    private const byte NotServing = 2;

    [Fact]
    public async Task Check_answers_from_the_same_checks_and_availability_as_the_http_probes()
    {
        var dependency = new SwitchableCheck { Result = HealthCheckResult.Unhealthy("down") };
        await using var app = await ProbeTestHost.StartAsync(
            o => o.CacheDuration = TimeSpan.Zero,
            services: b =>
            {
                b.Services.AddGrpc();
                b.Services.AddHealthChecks().AddCheck("db", dependency, tags: [HealthCheckTags.Ready]);
            },
            pipeline: a => a.MapProductionReadyGrpcHealth());
        using var client = app.App.GetTestClient();

        Assert.Equal((0, NotServing), await CheckAsync(client, "ready"));
        Assert.Equal((0, NotServing), await CheckAsync(client, string.Empty));
        Assert.Equal(503, (await app.SendAsync("/health/ready")).StatusCode);

        dependency.Result = HealthCheckResult.Healthy("up");
        Assert.Equal((0, Serving), await CheckAsync(client, "ready"));
        Assert.Equal((0, Serving), await CheckAsync(client, "startup"));
        Assert.Equal((0, Serving), await CheckAsync(client, "live"));

        app.Services.GetRequiredService<IApplicationAvailability>().MarkBroken("deadlocked");
        Assert.Equal((0, NotServing), await CheckAsync(client, "live"));
        Assert.Equal(503, (await app.SendAsync("/health/live")).StatusCode);

        Assert.Equal(5, (await CheckAsync(client, "orders")).GrpcStatus);
    }

    /// <summary>One unary call in gRPC's framing: HealthCheckRequest { service = 1 } in, HealthCheckResponse { status = 1 } out.</summary>
    private static async Task<(int GrpcStatus, byte ServingStatus)> CheckAsync(HttpClient client, string service)
    {
        byte[] message = service.Length == 0 ? [] : [0x0A, (byte)service.Length, .. Encoding.ASCII.GetBytes(service)];
        var frame = new byte[5 + message.Length];
        frame[4] = (byte)message.Length;
        message.CopyTo(frame, 5);
        var content = new ByteArrayContent(frame);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/grpc.health.v1.Health/Check")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single() : response.Headers.GetValues("grpc-status").Single();

        // SERVING and NOT_SERVING are set fields: the frame is 5 bytes of prefix, then 0x08 and the value.
        return (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), body.Length == 7 ? body[6] : (byte)0);
    }
}
