using System.Net;
using System.Text.Json;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// The <c>webapiaot</c> template with the packed packages and the two lines, published with Native AOT (see
/// <see cref="NativeAotApp"/>): the publish has no trim or AOT warning, and the native binary does what the JIT
/// app does.
/// </summary>
[Collection(NativeAotAppGroup.Name)]
public sealed class NativeAotAppTests
{
    private readonly NativeAotApp _app;

    public NativeAotAppTests(NativeAotApp app) => _app = app;

    [Fact]
    public void The_publish_has_no_trim_or_AOT_warning()
    {
        Assert.True(_app.TrimAndAotWarnings.Count == 0, "trim/AOT warnings:\n" + string.Join('\n', _app.TrimAndAotWarnings));
    }

    [Fact]
    public async Task The_native_binary_serves_probes_headers_request_ids_CLEF_and_metrics()
    {
        using var process = _app.Start();
        await process.WaitUntilAnswersAsync();
        using var client = new HttpClient { BaseAddress = new Uri(process.Origin) };

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("Healthy", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/todos");
        request.Headers.Add("X-Request-ID", "aot-request-1");
        using var todos = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, todos.StatusCode);
        Assert.Equal("aot-request-1", Assert.Single(todos.Headers.GetValues("X-Request-ID")));
        Assert.Equal("nosniff", Assert.Single(todos.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(todos.Headers.GetValues("X-Frame-Options")));
        Assert.StartsWith("default-src 'none'", Assert.Single(todos.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        // CLEF on stdout: the request's completion event, one JSON object per line, carrying the request id.
        var completion = await process.WaitForLineAsync(l => l.Contains("aot-request-1", StringComparison.Ordinal));
        using (var clef = JsonDocument.Parse(completion))
        {
            Assert.True(clef.RootElement.TryGetProperty("@t", out _), completion);
            Assert.True(clef.RootElement.TryGetProperty("@mt", out _), completion);
            Assert.Equal(200, clef.RootElement.GetProperty("StatusCode").GetInt32());
        }

        Assert.All(process.StdoutLines, line => JsonDocument.Parse(line).Dispose());

        // The Prometheus endpoint from ProductionReady.Prometheus, reached from loopback.
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("http_server_request_duration_seconds_count{", metrics, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/todos/\"", metrics, StringComparison.Ordinal); // MapGroup("/todos").MapGet("/")
    }

    [Fact]
    public async Task The_native_binary_answers_429_with_retry_after_and_problem_details()
    {
        using var process = _app.Start(new Dictionary<string, string>
        {
            ["ProductionReady__RateLimits__Auth__PermitsPerSecond"] = "1",
            ["ProductionReady__RateLimits__Auth__Burst"] = "1",
        });
        await process.WaitUntilAnswersAsync();
        using var client = new HttpClient { BaseAddress = new Uri(process.Origin) };

        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 20 && rejected is null; i++)
        {
            var response = await client.PostAsync(new Uri("/login", UriKind.Relative), content: null);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                rejected = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(rejected);
        using (rejected)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
            Assert.NotNull(rejected.Headers.RetryAfter);
            Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync());
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Contains("'auth' rate limit", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_weak_value_in_a_Secret_property_stops_the_native_binary_with_exit_1_and_the_key_named()
    {
        var weak = "change" + "me" + "123";
        using var process = _app.Start(new Dictionary<string, string> { ["Partner__Code"] = weak });

        Assert.Equal(1, await process.WaitForExitAsync());
        Assert.Contains("Partner:Code", process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(weak, process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Serilog_configuration_section_is_refused_with_what_works_under_AOT()
    {
        using var process = _app.Start(new Dictionary<string, string> { ["Serilog__MinimumLevel__Default"] = "Warning" });

        Assert.Equal(1, await process.WaitForExitAsync());
        Assert.Contains("Serilog:MinimumLevel", process.Output, StringComparison.Ordinal);
        Assert.Contains("ConfigureSerilog", process.Output, StringComparison.Ordinal);
    }
}
