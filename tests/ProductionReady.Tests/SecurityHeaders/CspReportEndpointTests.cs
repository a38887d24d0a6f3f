using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ProductionReady;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.SecurityHeaders;

/// <summary>The built-in CSP violation report endpoint: both formats, limits, one structured event per violation.</summary>
public sealed class CspReportEndpointTests
{
    private const string Legacy = """
        {"csp-report":{"document-uri":"https://service.test/page?token=abc","referrer":"","violated-directive":"script-src-elem",
        "effective-directive":"script-src-elem","original-policy":"default-src 'self'","disposition":"enforce",
        "blocked-uri":"inline","line-number":12,"source-file":"https://service.test/page?token=abc","status-code":200,"script-sample":"alert(1)"}}
        """;

    private const string ReportingApi = """
        [{"type":"csp-violation","age":10,"url":"https://service.test/a","user_agent":"x",
          "body":{"documentURL":"https://service.test/a#frag","blockedURL":"https://evil.test/x.js?q=1","effectiveDirective":"script-src-elem",
                  "originalPolicy":"p","disposition":"report","sample":"","lineNumber":3,"statusCode":200}},
         {"type":"deprecation","body":{}},
         {"type":"csp-violation","body":{"documentURL":"https://service.test/b","blockedURL":"eval","effectiveDirective":"script-src"}}]
        """;

    private static StringContent Json(string body, string mediaType) => new(body, Encoding.UTF8, mediaType);

    private static IEnumerable<FakeLogRecord> Violations(TestHost app) => app.Logs.GetSnapshot().Where(e => e.Id.Name == "CspViolation");

    [Fact]
    public async Task Report_uri_format_is_logged_as_one_structured_warning_without_query_strings()
    {
        await using var app = await TestApp.StartAsync(null, _ => { });

        using var response = await app.CreateClient().PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(Legacy, "application/csp-report"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        HeaderAssert.HasApiProfile(response);
        var violation = Assert.Single(Violations(app));
        Assert.Equal(LogLevel.Warning, violation.Level);
        Assert.Equal("ProductionReady.SecurityHeaders", violation.Category);
        Assert.Equal("script-src-elem", violation.GetStructuredStateValue("EffectiveDirective"));
        Assert.Equal("inline", violation.GetStructuredStateValue("BlockedUri"));
        Assert.Equal("https://service.test/page", violation.GetStructuredStateValue("DocumentUri"));
        Assert.Equal("https://service.test/page", violation.GetStructuredStateValue("SourceFile"));
        Assert.Equal("12", violation.GetStructuredStateValue("LineNumber"));
        Assert.Equal("alert(1)", violation.GetStructuredStateValue("Sample"));
        Assert.DoesNotContain("token=abc", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporting_api_batches_log_each_csp_violation()
    {
        await using var app = await TestApp.StartAsync(null, _ => { });

        using var response = await app.CreateClient().PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(ReportingApi, "application/reports+json"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var violations = Violations(app).ToList();
        Assert.Equal(2, violations.Count);
        Assert.Equal("https://evil.test/x.js", violations[0].GetStructuredStateValue("BlockedUri"));
        Assert.Equal("https://service.test/a", violations[0].GetStructuredStateValue("DocumentUri"));
        Assert.Equal("report", violations[0].GetStructuredStateValue("Disposition"));
        Assert.Equal("eval", violations[1].GetStructuredStateValue("BlockedUri"));
    }

    [Fact]
    public async Task Oversized_unreadable_and_non_post_requests_are_refused_and_nothing_is_logged()
    {
        await using var app = await TestApp.StartAsync(o => o.CspReports.MaxBodyBytes = 1024, _ => { });
        using var client = app.CreateClient();
        var huge = Legacy.Replace("alert(1)", new string('a', 2000), StringComparison.Ordinal);

        using var tooLarge = await client.PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(huge, "application/csp-report"));
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/csp-reports") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))) };
        chunked.Content.Headers.ContentType = new("application/csp-report");
        using var tooLargeChunked = await client.SendAsync(chunked);
        using var garbage = await client.PostAsync(new Uri("/csp-reports", UriKind.Relative), Json("{not json", "application/csp-report"));
        using var otherJson = await client.PostAsync(new Uri("/csp-reports", UriKind.Relative), Json("{\"a\":1}", "application/csp-report"));
        using var get = await client.GetAsync(new Uri("/csp-reports", UriKind.Relative));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLargeChunked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherJson.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", HeaderAssert.Get(get, "Allow"));
        Assert.Empty(Violations(app));
    }

    [Fact]
    public async Task Reports_over_the_rate_limit_get_429()
    {
        await using var app = await TestApp.StartAsync(o => o.CspReports.PermitsPerMinute = 2, _ => { });
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(Legacy, "application/csp-report"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, Violations(app).Count());
    }

    [Fact]
    public async Task Endpoint_path_and_reporting_api_url_are_configurable_and_the_endpoint_can_be_turned_off()
    {
        await using var moved = await TestApp.StartAsync(
            o =>
            {
                o.CspReports.Path = "/security/csp";
                o.CspReports.ReportingEndpointUrl = "https://api.example.com/security/csp";
            },
            a => a.MapGet("/", () => Results.Ok()));
        await using var off = await TestApp.StartAsync(o => o.CspReports.Enabled = false, _ => { });

        using var movedResponse = await moved.CreateClient().PostAsync(new Uri("/security/csp", UriKind.Relative), Json(Legacy, "application/csp-report"));
        using var page = await moved.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        using var offResponse = await off.CreateClient().PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(Legacy, "application/csp-report"));

        Assert.Equal(HttpStatusCode.NoContent, movedResponse.StatusCode);
        Assert.EndsWith("report-uri /security/csp; report-to csp-endpoint", HeaderAssert.Get(page, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("csp-endpoint=\"https://api.example.com/security/csp\"", HeaderAssert.Get(page, "Reporting-Endpoints"));
        Assert.Equal(HttpStatusCode.NotFound, offResponse.StatusCode);
        Assert.Empty(Violations(off));
    }

    [Fact]
    public async Task Lone_surrogate_or_invalid_utf8_in_a_field_gets_400_and_nothing_of_it_is_logged()
    {
        await using var app = await TestApp.StartAsync(null, _ => { });
        using var client = app.CreateClient();
        var loneSurrogate = Legacy.Replace("alert(1)", "\\ud800marker", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(Legacy.Replace("alert(1)", "@@marker", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)'@');
        (bytes[at], bytes[at + 1]) = (0xC3, 0x28); // a two-byte sequence whose second byte is not a continuation
        using var invalidUtf8 = new ByteArrayContent(bytes);
        invalidUtf8.Headers.ContentType = new("application/csp-report");

        using var surrogateResponse = await client.PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(loneSurrogate, "application/csp-report"));
        using var utf8Response = await client.PostAsync(new Uri("/csp-reports", UriKind.Relative), invalidUtf8);

        Assert.Equal(HttpStatusCode.BadRequest, surrogateResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, utf8Response.StatusCode);
        Assert.DoesNotContain(app.Logs.GetSnapshot(), e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(app.Logs.GetSnapshot(), e => e.Message.Contains("marker", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Other_content_types_get_415(string? mediaType)
    {
        await using var app = await TestApp.StartAsync(null, _ => { });
        using var content = new StringContent(Legacy, Encoding.UTF8);
        content.Headers.ContentType = mediaType is null ? null : new(mediaType);

        using var response = await app.CreateClient().PostAsync(new Uri("/csp-reports", UriKind.Relative), content);
        using var accepted = await app.CreateClient().PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(Legacy, "application/csp-report")); // sent with "; charset=utf-8"

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Single(Violations(app));
    }

    [Fact]
    public async Task One_noisy_client_spends_its_own_budget_and_one_event_per_window_says_how_many_were_refused()
    {
        var time = new FakeTimeProvider();
        await using var app = await TestApp.StartAsync(
            o =>
            {
                o.CspReports.PermitsPerClientPerMinute = 2;
                o.CspReports.PermitsPerMinute = 5;
            },
            _ => { },
            setup: b => b.Services.AddSingleton<TimeProvider>(time),
            beforeHeaders: a => a.Use((c, next) =>
            {
                c.Connection.RemoteIpAddress = IPAddress.Parse(c.Request.Headers["X-Test-Client"].ToString());
                return next(c);
            }));
        using var client = app.CreateClient();

        async Task<HttpStatusCode> Post(string address)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/csp-reports") { Content = Json(Legacy, "application/csp-report") };
            request.Headers.Add("X-Test-Client", address);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        var noisy = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            noisy.Add(await Post("192.0.2.1"));
        }

        var other = await Post("192.0.2.2");
        var third = new[] { await Post("192.0.2.3"), await Post("192.0.2.3") };
        var overBudget = await Post("192.0.2.4");

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], noisy);
        Assert.Equal(HttpStatusCode.NoContent, other);
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent], third);
        Assert.Equal(HttpStatusCode.TooManyRequests, overBudget);
        Assert.Equal(5, Violations(app).Count());
        Assert.DoesNotContain(app.Logs.GetSnapshot(), e => e.Id.Name == "CspReportsRefused");

        time.Advance(TimeSpan.FromMinutes(1));
        var refused = Assert.Single(app.Logs.GetSnapshot(), e => e.Id.Name == "CspReportsRefused");
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Equal("3", refused.GetStructuredStateValue("Refused"));
        Assert.Equal("2", refused.GetStructuredStateValue("ByClient"));
        Assert.Equal("1", refused.GetStructuredStateValue("Overall"));

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(app.Logs.GetSnapshot(), e => e.Id.Name == "CspReportsRefused");
    }

    [Fact]
    public async Task Each_violation_is_counted_on_the_productionready_meter()
    {
        await using var app = await TestApp.StartAsync(null, _ => { });
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        var measurements = new List<(long Value, string? Directive)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ProductionReady" && instrument.Name == "productionready.csp.violations" && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "directive").Value as string));
            }
        });
        listener.Start();
        using var client = app.CreateClient();

        using var legacy = await client.PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(Legacy, "application/csp-report"));
        using var batch = await client.PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(ReportingApi, "application/reports+json"));
        using var odd = await client.PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(Legacy.Replace("\"effective-directive\":\"script-src-elem\"", "\"effective-directive\":\"x-made-up\"", StringComparison.Ordinal), "application/csp-report"));

        Assert.Equal([(1L, "script-src-elem"), (1L, "script-src-elem"), (1L, "script-src"), (1L, "other")], measurements);
    }

    [Fact]
    public async Task With_the_two_lines_the_report_endpoint_runs_behind_the_request_id()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.AddProductionReady(o => o.Health.DrainDelay = TimeSpan.Zero);
        await using var app = builder.Build();
        app.UseProductionReady();
        await app.StartAsync();

        using var response = await app.GetTestClient().PostAsync(new Uri("/csp-reports", UriKind.Relative), Json(Legacy, "application/csp-report"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Request-ID"), "the CSP report's response carries no request id");
        Assert.Equal("nosniff", HeaderAssert.Get(response, "X-Content-Type-Options"));
        await app.StopAsync();
    }

    [Fact]
    public async Task The_report_path_is_claimed_as_a_reserved_path_with_its_configuration_key()
    {
        await using var moved = await TestApp.StartAsync(o => o.CspReports.Path = "/security/csp", _ => { });
        await using var off = await TestApp.StartAsync(o => o.CspReports.Enabled = false, _ => { });

        var claimed = moved.Services.GetServices<ProductionReady.Common.IReservedPaths>().SelectMany(r => r.GetReservedPaths()).ToList();
        var none = off.Services.GetServices<ProductionReady.Common.IReservedPaths>().SelectMany(r => r.GetReservedPaths()).ToList();

        Assert.Equal([new ProductionReady.Common.ReservedPath("/security/csp", "ProductionReady:SecurityHeaders:CspReports:Path")], claimed);
        Assert.Empty(none);
    }
}
