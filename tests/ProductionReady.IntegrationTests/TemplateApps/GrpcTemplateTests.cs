using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// <c>dotnet new grpc</c> (Kestrel HTTP/2 only, as the template sets) with the two lines and the README's gRPC
/// recipe, published and run in Production: <c>--probe ready</c> reaches it over HTTP/2, the recipe's HTTP/1.1 probe
/// port answers a kubelet-style GET, the standard <c>grpc.health.v1.Health</c> service (ProductionReady.Grpc) answers
/// a kubelet-style <c>grpc:</c> probe, a failed call is logged with its <c>grpc-status</c> at Warning, and gRPC
/// answers carry none of the browser-only headers.
/// </summary>
[Collection(PackedServiceShapesGroup.Name)]
public sealed class GrpcTemplateTests
{
    private readonly PackedServiceShapes _shapes;

    public GrpcTemplateTests(PackedServiceShapes shapes) => _shapes = shapes;

    [Fact]
    public async Task Probe_command_reaches_the_http2_only_service()
    {
        var urls = $"http://127.0.0.1:{FreePort.Next()}";
        var service = _shapes.StartGrpc(new() { ["ASPNETCORE_URLS"] = urls });
        await service.WaitUntilAnswersAsync(urls, HttpVersion.Version20);

        var probe = _shapes.StartGrpc(new() { ["ASPNETCORE_URLS"] = urls }, "--probe", "ready");
        var exitCode = await probe.WaitForExitAsync();

        Assert.True(exitCode == 0, $"--probe ready exited {exitCode}:\n{probe.Output}");
        Assert.Contains("ready: 200", probe.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http1_probe_port_of_the_recipe_answers_kubelet_and_the_probe_command()
    {
        var grpcPort = FreePort.Next();
        var probePort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel__Endpoints__Probes__Url"] = $"http://127.0.0.1:{probePort}",
            ["Kestrel__Endpoints__Probes__Protocols"] = "Http1",
        };
        var service = _shapes.StartGrpc(environment);
        await service.WaitUntilAnswersAsync($"http://127.0.0.1:{probePort}");

        // What a kubelet httpGet probe sends: plain HTTP/1.1.
        using var client = new HttpClient();
        using var ready = await client.GetAsync($"http://127.0.0.1:{probePort}/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var probe = _shapes.StartGrpc(environment, "--probe", "ready");
        var exitCode = await probe.WaitForExitAsync();
        Assert.True(exitCode == 0, $"--probe ready exited {exitCode}:\n{probe.Output}");
        Assert.Contains($"from http://127.0.0.1:{probePort}/health/ready", probe.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_are_logged_with_their_grpc_status_and_get_no_browser_headers()
    {
        var urls = $"http://127.0.0.1:{FreePort.Next()}";
        var service = _shapes.StartGrpc(new() { ["ASPNETCORE_URLS"] = urls });
        await service.WaitUntilAnswersAsync(urls, HttpVersion.Version20);
        using var client = new HttpClient();

        // The template's Greeter: HelloRequest { name = "Ada" }, in gRPC's length-prefixed framing.
        using (var hello = await CallAsync(client, urls + "/greet.Greeter/SayHello", [0x0A, 3, .. "Ada"u8]))
        {
            Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
            Assert.Equal("0", hello.TrailingHeaders.GetValues("grpc-status").Single());
            AssertNoBrowserHeaders(hello);
        }

        // A method the service does not have: 200 with grpc-status 12 (Unimplemented) in a trailers-only answer.
        using (var missing = await CallAsync(client, urls + "/greet.Greeter/NoSuchMethod", []))
        {
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            Assert.Equal("12", missing.Headers.GetValues("grpc-status").Single());
            AssertNoBrowserHeaders(missing);
        }

        var ok = Completion(await service.WaitForLineAsync(l => IsCompletion(l, "/greet.Greeter/SayHello"), TimeSpan.FromSeconds(30)));
        Assert.True(("Information", 0) == (ok.Level, ok.GrpcStatus), $"{ok}\n{service.Output}");
        var failed = Completion(await service.WaitForLineAsync(l => IsCompletion(l, "/greet.Greeter/NoSuchMethod"), TimeSpan.FromSeconds(30)));
        Assert.Equal(("Warning", 12), (failed.Level, failed.GrpcStatus));
        Assert.Contains("grpc-status", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_grpc_health_service_answers_from_the_probes_and_its_checks_are_not_logged()
    {
        var urls = $"http://127.0.0.1:{FreePort.Next()}";
        var service = _shapes.StartGrpc(new() { ["ASPNETCORE_URLS"] = urls });
        await service.WaitUntilAnswersAsync(urls, HttpVersion.Version20);
        using var client = new HttpClient();

        // What a kubelet grpc probe sends: grpc.health.v1.Health/Check { service }; SERVING is status 1.
        foreach (var name in new[] { "ready", "live", "startup", string.Empty })
        {
            using var check = await CallAsync(client, urls + "/grpc.health.v1.Health/Check", HealthCheckRequest(name));
            Assert.Equal("0", check.TrailingHeaders.GetValues("grpc-status").Single());
            Assert.Equal(new byte[] { 0, 0, 0, 0, 2, 0x08, 1 }, await check.Content.ReadAsByteArrayAsync());
        }

        using (var unknown = await CallAsync(client, urls + "/grpc.health.v1.Health/Check", HealthCheckRequest("orders")))
        {
            Assert.Equal("5", unknown.Headers.GetValues("grpc-status").Single());
        }

        // The unknown service's call is logged (NotFound, Warning); the probes before it are not.
        var notFound = Completion(await service.WaitForLineAsync(l => IsCompletion(l, "/grpc.health.v1.Health/Check"), TimeSpan.FromSeconds(30)));
        Assert.Equal(("Warning", 5), (notFound.Level, notFound.GrpcStatus));
        Assert.Single(service.Output.Split('\n'), l => IsCompletion(l, "/grpc.health.v1.Health/Check"));

        static byte[] HealthCheckRequest(string name) => name.Length == 0 ? [] : [0x0A, (byte)name.Length, .. Encoding.ASCII.GetBytes(name)];
    }

    private static void AssertNoBrowserHeaders(HttpResponseMessage response)
    {
        foreach (var name in new[] { "Content-Security-Policy", "X-Frame-Options", "Permissions-Policy", "Referrer-Policy", "Cross-Origin-Opener-Policy" })
        {
            Assert.False(response.Headers.Contains(name), $"{name} on a gRPC answer");
        }
    }

    private static async Task<HttpResponseMessage> CallAsync(HttpClient client, string url, byte[] message)
    {
        var frame = new byte[5 + message.Length];
        frame[4] = (byte)message.Length;
        message.CopyTo(frame, 5);
        var content = new ByteArrayContent(frame);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync(); // the trailers arrive after the body
        return response;
    }

    /// <summary>The request-completion event of <paramref name="path"/> (the template's Greeter logs too, within the request).</summary>
    private static bool IsCompletion(string line, string path) =>
        line.Contains(path, StringComparison.Ordinal) && line.Contains("\"RequestCompleted\"", StringComparison.Ordinal);

    private static (string Level, int? GrpcStatus, string Message) Completion(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var level = root.TryGetProperty("@l", out var l) ? l.GetString()! : "Information";
        int? status = root.TryGetProperty("GrpcStatus", out var s) ? s.GetInt32() : null;
        var message = root.TryGetProperty("@m", out var m) ? m.GetString()! : root.GetProperty("@mt").GetString()!;
        return (level, status, message);
    }
}
