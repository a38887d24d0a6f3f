using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Testing;
using ProductionReady.SecurityHeaders;
using ProductionReady.Logging;

namespace ProductionReady.Tests.Common;

/// <summary>
/// Dangerous but valid settings start the app with one clear warning each (event DangerousSetting, naming the key),
/// logged inside <c>Build()</c>; the defaults start without one.
/// </summary>
public sealed class SettingWarningsTests
{
    [Fact]
    public void Each_dangerous_setting_is_one_warning_naming_its_key()
    {
        var warnings = WarningsFor("Production", new()
        {
            ["ProductionReady:Health:ReportDetails"] = "Everyone",
            ["ProductionReady:RateLimits:Enabled"] = "false",
            ["ProductionReady:SecurityHeaders:Hsts:MaxAge"] = "00:00:30",
            ["ProductionReady:SecurityHeaders:Html:ContentSecurityPolicy"] = "default-src 'self'; script-src 'self' 'unsafe-inline'",
            ["ProductionReady:SecurityHeaders:Api:ContentSecurityPolicy"] = "default-src *",
            ["ProductionReady:Cors:AllowedOrigins:0"] = "https://app.example.com",
            ["ProductionReady:Cors:AllowCredentials"] = "true",
            ["ProductionReady:Cors:AllowedHeaders:0"] = "*",
        });

        Assert.Equal<string>(
            [
                "ProductionReady:Cors:AllowedHeaders",
                "ProductionReady:Health:ReportDetails",
                "ProductionReady:RateLimits:Enabled",
                "ProductionReady:SecurityHeaders:Api:ContentSecurityPolicy",
                "ProductionReady:SecurityHeaders:Hsts:MaxAge",
                "ProductionReady:SecurityHeaders:Html:ContentSecurityPolicy",
            ],
            warnings.Select(w => w.StructuredState!.Single(p => p.Key == "ConfigurationKey").Value ?? string.Empty).Order(StringComparer.Ordinal).ToArray());
        Assert.All(warnings, w => Assert.Equal(LogLevel.Warning, w.Level));
        Assert.Contains(warnings, w => w.Message.Contains("30 seconds", StringComparison.Ordinal));
    }

    [Fact]
    public void Headers_switched_off_in_Production_is_one_warning()
    {
        var warnings = WarningsFor("Production", new() { ["ProductionReady:SecurityHeaders:Enabled"] = "false" });
        Assert.Equal("ProductionReady:SecurityHeaders:Enabled", Assert.Single(warnings).StructuredState!.Single(p => p.Key == "ConfigurationKey").Value);
    }

    [Fact]
    public void The_defaults_start_without_a_warning()
    {
        Assert.Empty(WarningsFor("Production", []));
    }

    [Fact]
    public void Switched_off_in_Development_is_not_a_warning()
    {
        Assert.Empty(WarningsFor("Development", new()
        {
            ["ProductionReady:RateLimits:Enabled"] = "false",
            ["ProductionReady:Health:ReportDetails"] = "Everyone",
            ["ProductionReady:SecurityHeaders:Enabled"] = "false",
        }));
    }

    [Theory]
    [InlineData("default-src 'self'", null)]
    [InlineData("default-src 'self'; script-src 'self' 'nonce-abc' 'unsafe-inline'", null)]
    [InlineData("default-src 'self'; script-src 'self' 'sha256-abc=' 'unsafe-inline'", null)]
    [InlineData("default-src 'self'; script-src 'self' 'unsafe-inline'", "'unsafe-inline'")]
    [InlineData("default-src 'unsafe-inline'", "'unsafe-inline'")]
    [InlineData("default-src *; script-src 'self'", null)]
    [InlineData("script-src https: *", "'*'")]
    [InlineData("style-src 'unsafe-inline'; script-src 'self'", null)]
    public void A_script_source_that_lets_any_script_run_is_named(string csp, string? expected)
    {
        var found = SecurityHeadersSettingWarnings.UnsafeScriptSource(csp);
        if (expected is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.StartsWith(expected, found, StringComparison.Ordinal);
        }
    }

    private static IReadOnlyList<FakeLogRecord> WarningsFor(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(LogDestination.To(new StringWriter()));
        builder.Logging.AddFakeLogging();
        builder.AddProductionReady();
        using var app = builder.Build();
        return app.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Name == "DangerousSetting").ToArray();
    }
}
