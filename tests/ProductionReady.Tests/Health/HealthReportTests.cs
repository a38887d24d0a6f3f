using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.Health;

/// <summary>The overall report: its shape, who sees details, and what never leaves the process.</summary>
public sealed class HealthReportTests
{
    [Fact]
    public async Task A_loopback_caller_gets_the_ui_response_writer_shape_plus_what_is_running()
    {
        var check = new SwitchableCheck { Result = HealthCheckResult.Degraded("slow", data: new Dictionary<string, object> { ["latencyMs"] = 250, ["region"] = "eu" }) };
        await using var app = await ProbeTestHost.StartAsync(services: b => b.Services.AddHealthChecks().AddCheck("db", check, tags: [HealthCheckTags.Ready]));

        var answer = await app.SendAsync("/health", remote: IPAddress.Loopback);

        Assert.Equal(200, answer.StatusCode);
        using var report = JsonDocument.Parse(answer.Body);
        var root = report.RootElement;
        Assert.Equal("Degraded", root.GetProperty("status").GetString());
        Assert.True(TimeSpan.TryParse(root.GetProperty("totalDuration").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("service").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
        Assert.Equal("Production", root.GetProperty("environment").GetString());
        Assert.True(TimeSpan.TryParse(root.GetProperty("uptime").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));

        var entry = root.GetProperty("entries").GetProperty("db");
        Assert.Equal(250, entry.GetProperty("data").GetProperty("latencyMs").GetInt32());
        Assert.Equal("eu", entry.GetProperty("data").GetProperty("region").GetString());
        Assert.Equal("slow", entry.GetProperty("description").GetString());
        Assert.True(TimeSpan.TryParse(entry.GetProperty("duration").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("Degraded", entry.GetProperty("status").GetString());
        Assert.Equal("[\"ready\"]", entry.GetProperty("tags").GetRawText());
    }

    [Fact]
    public async Task An_ipv4_mapped_loopback_caller_counts_as_loopback()
    {
        await using var app = await ProbeTestHost.StartAsync();

        var answer = await app.SendAsync("/health", remote: IPAddress.Loopback.MapToIPv6());

        Assert.Contains("\"entries\"", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_caller_gets_the_status_alone()
    {
        var check = new SwitchableCheck { Result = HealthCheckResult.Unhealthy("db-7 refused") };
        await using var app = await ProbeTestHost.StartAsync(services: b => b.Services.AddHealthChecks().AddCheck("db", check, tags: [HealthCheckTags.Ready]));

        var answer = await app.SendAsync("/health", remote: IPAddress.Parse("203.0.113.9"));

        Assert.Equal(503, answer.StatusCode);
        Assert.Equal("{\"status\":\"Unhealthy\"}", answer.Body);
    }

    [Theory]
    [InlineData(HealthReportDetails.Nobody, "127.0.0.1", false)]
    [InlineData(HealthReportDetails.Everyone, "203.0.113.9", true)]
    [InlineData(HealthReportDetails.LoopbackOnly, "::1", true)]
    [InlineData(HealthReportDetails.LoopbackOnly, "10.0.0.7", false)]
    public async Task The_details_policy_decides_who_sees_entries(HealthReportDetails policy, string remote, bool details)
    {
        await using var app = await ProbeTestHost.StartAsync(o => o.ReportDetails = policy);

        var answer = await app.SendAsync("/health", remote: IPAddress.Parse(remote));

        Assert.Equal(details, answer.Body.Contains("\"entries\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_authorization_policy_only_callers_satisfying_it_see_details_even_ahead_of_the_apps_authentication()
    {
        await using var app = await ProbeTestHost.StartAsync(
            o =>
            {
                o.ReportDetails = HealthReportDetails.AuthorizationPolicy;
                o.ReportDetailsPolicy = "HealthDetails";
            },
            b =>
            {
                b.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>("Test", null);
                b.Services.AddAuthorization(o => o.AddPolicy("HealthDetails", p => p.RequireAuthenticatedUser()));
            },
            pipeline: a =>
            {
                a.UseAuthentication();
                a.UseAuthorization();
            });

        var anonymous = await app.SendAsync("/health", remote: IPAddress.Loopback);
        var operatorCall = await app.SendAsync("/health", remote: IPAddress.Parse("203.0.113.9"), request: c => c.Request.Headers[HeaderAuthenticationHandler.Header] = "ops");

        Assert.Equal("{\"status\":\"Healthy\"}", anonymous.Body);
        Assert.Contains("\"entries\"", operatorCall.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_messages_never_leave_the_process_outside_development()
    {
        await using var app = await ProbeTestHost.StartAsync(
            o => o.ReportDetails = HealthReportDetails.Everyone,
            b => b.Services.AddHealthChecks().AddCheck<ThrowingCheck>("db", tags: [HealthCheckTags.Ready]));

        var report = await app.SendAsync("/health");
        var ready = await app.SendAsync("/health/ready");

        Assert.Equal(503, report.StatusCode);
        Assert.DoesNotContain(ThrowingCheck.Secret, report.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("exception", report.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", report.Body, StringComparison.Ordinal);
        Assert.Contains("the service logs hold the error", report.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(ThrowingCheck.Secret, ready.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_the_report_shows_the_exception_message()
    {
        await using var app = await ProbeTestHost.StartAsync(
            o => o.ReportDetails = HealthReportDetails.Everyone,
            b => b.Services.AddHealthChecks().AddCheck<ThrowingCheck>("db", tags: [HealthCheckTags.Ready]),
            environment: "Development");

        using var report = JsonDocument.Parse((await app.SendAsync("/health")).Body);

        Assert.Equal(ThrowingCheck.Secret, report.RootElement.GetProperty("entries").GetProperty("db").GetProperty("exception").GetString());
    }
}
