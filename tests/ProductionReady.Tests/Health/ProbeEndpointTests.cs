using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Health;

public sealed class ProbeEndpointTests
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health/startup")]
    [InlineData("/health")]
    public async Task Every_probe_answers_200_with_no_store_and_json(string path)
    {
        await using var app = await ProbeTestHost.StartAsync();

        var answer = await app.SendAsync(path);

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("no-store", answer.Headers.CacheControl.ToString());
        Assert.StartsWith("application/json", answer.Headers.ContentType.ToString(), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(answer.Body);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health/startup")]
    public async Task Probes_carry_the_status_alone_never_build_details(string path)
    {
        await using var app = await ProbeTestHost.StartAsync();

        // Even from loopback: probes answer anyone; version and commit are in the detailed report only.
        using var body = JsonDocument.Parse((await app.SendAsync(path, remote: System.Net.IPAddress.Loopback)).Body);

        Assert.Equal(["status"], body.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n != "reason"));
    }

    [Theory]
    [InlineData("/health/live", 200)]
    [InlineData("/health/ready", 503)]
    public async Task Head_answers_the_status_and_headers_without_a_body(string path, int expected)
    {
        var check = new SwitchableCheck { Result = HealthCheckResult.Unhealthy("down") };
        await using var app = await ProbeTestHost.StartAsync(services: b => b.Services.AddHealthChecks().AddCheck("db", check, tags: [HealthCheckTags.Ready]));

        var answer = await app.SendAsync(path, "HEAD");

        Assert.Equal(expected, answer.StatusCode);
        Assert.Equal("no-store", answer.Headers.CacheControl.ToString());
        Assert.Equal(string.Empty, answer.Body);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_get_405_with_allow(string method)
    {
        await using var app = await ProbeTestHost.StartAsync();

        var answer = await app.SendAsync("/health/ready", method);

        Assert.Equal(405, answer.StatusCode);
        Assert.Equal("GET, HEAD", answer.Headers.Allow.ToString());
    }

    [Fact]
    public async Task Paths_are_configurable_and_the_defaults_then_belong_to_the_app()
    {
        await using var app = await ProbeTestHost.StartAsync(o =>
        {
            o.LivePath = "/k8s/alive";
            o.ReadyPath = "/k8s/ready";
            o.StartupPath = "/k8s/started";
            o.ReportPath = "/k8s/report";
        });

        Assert.Equal(200, (await app.SendAsync("/k8s/alive")).StatusCode);
        Assert.Equal(200, (await app.SendAsync("/K8S/READY")).StatusCode);
        Assert.Equal(200, (await app.SendAsync("/k8s/started")).StatusCode);
        Assert.Equal(200, (await app.SendAsync("/k8s/report")).StatusCode);
        Assert.Equal(404, (await app.SendAsync("/health/live")).StatusCode);
        Assert.Equal("app", (await app.SendAsync("/")).Body);
    }

    [Fact]
    public async Task Liveness_never_runs_readiness_checks()
    {
        var dependency = new SwitchableCheck { Result = HealthCheckResult.Unhealthy("down") };
        await using var app = await ProbeTestHost.StartAsync(services: b => b.Services.AddHealthChecks().AddCheck("db", dependency, tags: [HealthCheckTags.Ready]));

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(200, (await app.SendAsync("/health/live")).StatusCode);
        }

        Assert.Equal(0, dependency.Runs);
        Assert.Equal(503, (await app.SendAsync("/health/ready")).StatusCode);
        Assert.Equal(1, dependency.Runs);
    }

    [Fact]
    public async Task Liveness_runs_checks_tagged_live()
    {
        var deadlock = new SwitchableCheck { Result = HealthCheckResult.Unhealthy("deadlocked") };
        await using var app = await ProbeTestHost.StartAsync(services: b => b.Services.AddHealthChecks().AddCheck("deadlock", deadlock, tags: [HealthCheckTags.Live]));

        Assert.Equal(503, (await app.SendAsync("/health/live")).StatusCode);
        Assert.Equal(1, deadlock.Runs);
    }

    [Fact]
    public async Task Liveness_is_503_once_the_app_declares_itself_broken()
    {
        await using var app = await ProbeTestHost.StartAsync(o => o.ReportDetails = HealthReportDetails.Everyone);
        Assert.Equal(200, (await app.SendAsync("/health/live")).StatusCode);

        app.Services.GetRequiredService<IApplicationAvailability>().MarkBroken("worker thread deadlocked");

        var live = await app.SendAsync("/health/live");
        Assert.Equal(503, live.StatusCode);
        Assert.Contains("\"reason\":\"broken\"", live.Body, StringComparison.Ordinal);
        var report = await app.SendAsync("/health");
        Assert.Equal(503, report.StatusCode);
        Assert.Contains("worker thread deadlocked", report.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HealthStatus.Healthy, 200)]
    [InlineData(HealthStatus.Degraded, 200)]
    [InlineData(HealthStatus.Unhealthy, 503)]
    public async Task Readiness_maps_the_checks_status_to_the_http_status(HealthStatus status, int expected)
    {
        var check = new SwitchableCheck { Result = new HealthCheckResult(status, "as set") };
        await using var app = await ProbeTestHost.StartAsync(services: b => b.Services.AddHealthChecks().AddCheck("db", check, tags: [HealthCheckTags.Ready]));

        var answer = await app.SendAsync("/health/ready");

        Assert.Equal(expected, answer.StatusCode);
        Assert.Contains($"\"status\":\"{status}\"", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probes_answer_ahead_of_https_redirection_authentication_and_rate_limiting()
    {
        await using var app = await ProbeTestHost.StartAsync(
            services: b =>
            {
                b.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>("Test", null);
                b.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                b.Services.AddRateLimiter(o => o.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(
                    _ => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter("all", _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromHours(1) })));
                b.Services.AddHttpsRedirection(o => o.HttpsPort = 443);
            },
            pipeline: app =>
            {
                app.UseHttpsRedirection();
                app.UseRateLimiter();
                app.UseAuthentication();
                app.UseAuthorization();
            });

        // The app itself redirects plain HTTP.
        Assert.Equal(307, (await app.SendAsync("/")).StatusCode);

        // The probes answer plain HTTP, without credentials, as often as a kubelet asks.
        for (var i = 0; i < 5; i++)
        {
            foreach (var path in new[] { "/health/live", "/health/ready", "/health/startup", "/health" })
            {
                Assert.Equal(200, (await app.SendAsync(path)).StatusCode);
            }
        }
    }
}
