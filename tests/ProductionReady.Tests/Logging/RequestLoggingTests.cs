// Tests log the way applications do: plain LogInformation calls are the point, not a performance problem.
#pragma warning disable CA1848, CA1873

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ProductionReady.Logging;

namespace ProductionReady.Tests.Logging;

/// <summary>Request ids and the one completion event per request, through TestServer.</summary>
public sealed class RequestLoggingTests
{
    private static void MapSample(WebApplication app)
    {
        app.MapGet("/orders/{id}", (int id, ILogger<RequestLoggingTests> logger) =>
        {
            logger.LogInformation("Loading order {OrderId}", id);
            return Results.Ok(new { id });
        });
        app.MapGet("/fail", () => Results.StatusCode(503));
        app.MapGet("/throw", string () => throw new InvalidOperationException("boom"));
        app.MapGet("/slow", (TimeProvider time) =>
        {
            // The host's clock is a fake one in the test that asks: the request takes as long as the test says.
            (time as FakeTimeProvider)?.Advance(TimeSpan.FromSeconds(3));
            return "done";
        });
        app.MapGet("/health/live", () => "Healthy");
        app.MapGet("/internal/ping", () => "pong");
    }

    [Fact]
    public async Task A_well_formed_request_id_is_kept_echoed_and_on_every_event_of_the_request()
    {
        await using var log = await CapturedLog.StartAsync(MapSample);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/7");
        request.Headers.Add("X-Request-ID", "c0ffee-42.A_b:c+d/e=");
        var response = await log.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("c0ffee-42.A_b:c+d/e=", Assert.Single(response.Headers.GetValues("X-Request-ID")));

        var appEvent = Assert.Single(log.Events, e => e.GetProperty("@mt").GetString() == "Loading order {OrderId}");
        Assert.Equal("c0ffee-42.A_b:c+d/e=", appEvent.GetProperty("RequestId").GetString());
        Assert.Equal("/orders/7", appEvent.GetProperty("RequestPath").GetString());

        var completed = Assert.Single(log.RequestEvents);
        Assert.Equal("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {ElapsedMs} ms", completed.GetProperty("@mt").GetString());
        Assert.Equal("GET", completed.GetProperty("RequestMethod").GetString());
        Assert.Equal("/orders/7", completed.GetProperty("RequestPath").GetString());
        Assert.Equal(200, completed.GetProperty("StatusCode").GetInt32());
        Assert.True(completed.GetProperty("ElapsedMs").GetDouble() >= 0);
        Assert.Equal("c0ffee-42.A_b:c+d/e=", completed.GetProperty("RequestId").GetString());
        Assert.False(completed.TryGetProperty("@l", out _), "a 200 is logged at Information");
        Assert.Equal(appEvent.GetProperty("@tr").GetString(), completed.GetProperty("@tr").GetString());
    }

    [Fact]
    public async Task Without_an_id_a_new_one_is_generated_per_request()
    {
        await using var log = await CapturedLog.StartAsync(MapSample);
        var first = (await log.Client.GetAsync(new Uri("/orders/1", UriKind.Relative))).Headers.GetValues("X-Request-ID").Single();
        var second = (await log.Client.GetAsync(new Uri("/orders/2", UriKind.Relative))).Headers.GetValues("X-Request-ID").Single();

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Matches("^[0-9a-f]{32}$", second);
        Assert.NotEqual(first, second);
        Assert.Equal([first, second], log.RequestEvents.Select(e => e.GetProperty("RequestId").GetString()));
    }

    [Theory]
    [InlineData("evil\r\nX-Injected: yes")]
    [InlineData("line\nbreak")]
    [InlineData("has space")]
    [InlineData("quote\"d")]
    [InlineData("<script>")]
    [InlineData("tab\tid")]
    [InlineData("ünïcode")]
    [InlineData("")]
    public async Task A_malformed_id_is_replaced_and_never_logged(string malformed)
    {
        await using var log = await CapturedLog.StartAsync(MapSample);
        var context = await log.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/orders/3";
            c.Request.Headers["X-Request-ID"] = malformed;
        });

        var echoed = context.Response.Headers["X-Request-ID"].ToString();
        Assert.Matches("^[0-9a-f]{32}$", echoed);
        Assert.Equal(echoed, Assert.Single(log.RequestEvents).GetProperty("RequestId").GetString());
        if (malformed.Length > 0)
        {
            Assert.DoesNotContain(JsonEncodedText.Encode(malformed, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), log.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(malformed, log.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_overlong_or_repeated_id_is_replaced()
    {
        await using var log = await CapturedLog.StartAsync(MapSample);
        var overlong = new string('a', RequestIds.MaxLength + 1);
        var longest = new string('b', RequestIds.MaxLength);

        var context = await log.Server.SendAsync(c => { c.Request.Path = "/orders/4"; c.Request.Headers["X-Request-ID"] = overlong; });
        Assert.Matches("^[0-9a-f]{32}$", context.Response.Headers["X-Request-ID"].ToString());

        context = await log.Server.SendAsync(c => { c.Request.Path = "/orders/5"; c.Request.Headers["X-Request-ID"] = new(["one", "two"]); });
        Assert.Matches("^[0-9a-f]{32}$", context.Response.Headers["X-Request-ID"].ToString());

        context = await log.Server.SendAsync(c => { c.Request.Path = "/orders/6"; c.Request.Headers["X-Request-ID"] = longest; });
        Assert.Equal(longest, context.Response.Headers["X-Request-ID"].ToString());

        Assert.DoesNotContain(overlong, log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_and_slow_requests_are_warnings_unhandled_exceptions_errors()
    {
        // On the host's clock, a fake one: /slow takes 3 s of it, every other request none.
        await using var log = await CapturedLog.StartAsync(
            MapSample,
            configure: o => o.SlowRequestThreshold = TimeSpan.FromSeconds(2),
            services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider()));
        await log.Client.GetAsync(new Uri("/fail", UriKind.Relative));
        await log.Client.GetAsync(new Uri("/slow", UriKind.Relative));
        await log.Client.GetAsync(new Uri("/orders/7", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, (await log.Client.GetAsync(new Uri("/throw", UriKind.Relative))).StatusCode);

        var events = log.RequestEvents;
        Assert.Equal(4, events.Count);
        Assert.Equal(("/fail", 503, "Warning"), Describe(events[0]));
        Assert.Equal(("/slow", 200, "Warning"), Describe(events[1]));
        Assert.Equal(3000, events[1].GetProperty("ElapsedMs").GetDouble());
        Assert.Equal(("/orders/7", 200, null), Describe(events[2]));
        Assert.Equal(("/throw", 500, "Error"), Describe(events[3]));
        Assert.StartsWith("System.InvalidOperationException: boom", events[3].GetProperty("@x").GetString(), StringComparison.Ordinal);
        Assert.Contains("RequestLoggingTests", events[3].GetProperty("@x").GetString(), StringComparison.Ordinal);

        static (string?, int, string?) Describe(JsonElement e) =>
            (e.GetProperty("RequestPath").GetString(), e.GetProperty("StatusCode").GetInt32(), e.TryGetProperty("@l", out var level) ? level.GetString() : null);
    }

    [Fact]
    public async Task The_servers_second_report_of_an_exception_already_logged_is_dropped()
    {
        var thrown = new InvalidOperationException("once");
        await using var log = await CapturedLog.StartAsync(app => app.MapGet("/throw-once", string () => throw thrown));
        Assert.Equal(HttpStatusCode.InternalServerError, (await log.Client.GetAsync(new Uri("/throw-once", UriKind.Relative))).StatusCode);

        var factory = log.App.Services.GetRequiredService<ILoggerFactory>();
        factory.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").LogError(thrown, "Unhandled exception (repeat)");
        factory.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").LogError(new InvalidOperationException("other"), "Unhandled exception (other)");
        factory.CreateLogger("Orders").LogError(thrown, "The app's own report");

        var messages = log.Events.Where(e => e.TryGetProperty("@x", out _)).Select(e => e.GetProperty("@mt").GetString()).ToList();
        Assert.Equal([RequestCompletedState.Template, "Unhandled exception (other)", "The app's own report"], messages);
    }

    [Fact]
    public async Task Probes_on_custom_paths_get_an_id_but_no_event_and_other_paths_are_logged()
    {
        var output = new StringWriter { NewLine = "\n" };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProductionReady:Health:LivePath"] = "/k8s/alive",
            ["ProductionReady:Health:ReadyPath"] = "/k8s/ready",
            ["ProductionReady:Health:DrainDelay"] = "00:00:00",
        });
        builder.Services.AddSingleton(LogDestination.To(output));
        builder.AddProductionReady();
        await using var app = builder.Build();
        app.UseProductionReady();
        app.MapGet("/health/live", () => "the app's own endpoint, not a probe any more");
        await app.StartAsync();
        var client = app.GetTestClient();

        var live = await client.GetAsync(new Uri("/k8s/alive", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.True(live.Headers.Contains("X-Request-ID"));
        await client.GetAsync(new Uri("/k8s/ready", UriKind.Relative));
        await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        await app.StopAsync();
        Assert.True(app.Services.GetRequiredService<LogPipeline>().Flush(TimeSpan.FromSeconds(10)));

        var paths = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("SourceContext", out var c) && c.GetString() == "ProductionReady.RequestLogging")
            .Select(e => e.GetProperty("RequestPath").GetString());
        Assert.Equal(["/health/live"], paths);
    }

    [Fact]
    public async Task Configured_excluded_paths_get_an_id_but_no_event()
    {
        var configuration = new Dictionary<string, string?> { ["ProductionReady:Logging:ExcludedPaths:0"] = "/internal/ping" };
        await using var log = await CapturedLog.StartAsync(MapSample, configuration: configuration);
        var response = await log.Client.GetAsync(new Uri("/INTERNAL/PING/", UriKind.Relative));
        Assert.True(response.Headers.Contains("X-Request-ID"));
        await log.Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(["/health/live"], log.RequestEvents.Select(e => e.GetProperty("RequestPath").GetString()));
    }

    [Fact]
    public async Task AspNetCore_per_request_events_are_replaced_by_the_one_completion_event()
    {
        await using var log = await CapturedLog.StartAsync(MapSample);
        await log.Client.GetAsync(new Uri("/orders/9", UriKind.Relative));

        var requestScoped = log.Events.Where(e => e.TryGetProperty("RequestPath", out _)).ToList();
        Assert.True(2 == requestScoped.Count, log.Text); // the app's own event and the completion event
        Assert.False(log.Events.Any(e => e.GetProperty("SourceContext").GetString()!.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal)), log.Text);
        Assert.DoesNotContain(log.Events, e => e.GetProperty("SourceContext").GetString()!.StartsWith("Microsoft.AspNetCore.Routing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_level_for_the_hosting_category_brings_its_events_back()
    {
        var configuration = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information" };
        await using var log = await CapturedLog.StartAsync(MapSample, configuration: configuration);
        await log.Client.GetAsync(new Uri("/orders/9", UriKind.Relative));
        Assert.Contains(log.Events, e => e.GetProperty("SourceContext").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics");
    }
    [Fact]
    public async Task Request_logging_works_alone_behind_any_logging_provider()
    {
        using var provider = new FakeLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(builder.WebHost);
        builder.Logging.ClearProviders().AddProvider(provider);
        builder.AddProductionReadyLogging();
        await using var app = builder.Build();
        app.UseProductionReadyLogging();
        app.MapGet("/alone", () => "ok");
        await app.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/alone");
        request.Headers.Add("X-Request-ID", "alone-1");
        var response = await Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(app).SendAsync(request);
        Assert.Equal("alone-1", response.Headers.GetValues("X-Request-ID").Single());

        var record = Assert.Single(provider.Collector.GetSnapshot(), r => r.GetStructuredStateValue("{OriginalFormat}") == RequestCompletedState.Template);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal(RequestLoggingMiddleware.Category, record.Category);
        Assert.Matches(@"^HTTP GET /alone responded 200 in \d+(\.\d+)? ms$", record.Message);
        Assert.Equal("GET", record.GetStructuredStateValue("RequestMethod"));
        Assert.Equal("/alone", record.GetStructuredStateValue("RequestPath"));
        Assert.Equal("200", record.GetStructuredStateValue("StatusCode"));
        Assert.Equal("alone-1", record.GetStructuredStateValue("RequestId"));
        Assert.True(double.TryParse(record.GetStructuredStateValue("ElapsedMs"), System.Globalization.CultureInfo.InvariantCulture, out _));
        await app.StopAsync();
    }
}
