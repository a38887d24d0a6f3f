using System.Net;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ProductionReady.RateLimits;

namespace ProductionReady.Tests.RateLimits;

public sealed class RateLimitsOptionsTests
{
    [Fact]
    public void The_defaults_are_the_checklist_presets_and_valid()
    {
        var options = new ProductionReadyRateLimitsOptions();

        Assert.Equal((5, 5), (options.Auth.PermitsPerSecond, options.Auth.Burst));
        Assert.Equal((10, 10), (options.Api.PermitsPerSecond, options.Api.Burst));
        Assert.Equal((2, 2), (options.Uploads.PermitsPerSecond, options.Uploads.Burst));
        Assert.Null(options.Global);
        Assert.True(options.Identity);
        Assert.True(new RateLimitsOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Every_bad_value_is_refused_with_its_full_key()
    {
        var options = new ProductionReadyRateLimitsOptions
        {
            Auth = new() { PermitsPerSecond = 0, Burst = 5 },
            Uploads = new() { PermitsPerSecond = 2, Burst = -1 },
            Global = new() { PermitsPerSecond = 2_000_000, Burst = 0 },
            RejectionLogWindow = TimeSpan.Zero,
        };
        options.Api = null!;

        var failures = new RateLimitsOptionsValidator().Validate(null, options).Failures!.ToArray();

        Assert.Equal(5, failures.Length);
        Assert.Contains(failures, f => f.StartsWith("ProductionReady:RateLimits:Auth:PermitsPerSecond must be between 1 and 1000000 (got 0)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("ProductionReady:RateLimits:Api is missing", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("ProductionReady:RateLimits:Uploads:Burst must be between 0 and 1000000 (got -1)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("ProductionReady:RateLimits:Global:PermitsPerSecond must be between 1 and 1000000 (got 2000000)", StringComparison.Ordinal) && f.Contains("remove ProductionReady:RateLimits:Global", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("ProductionReady:RateLimits:RejectionLogWindow must be between 00:00:01 and 01:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_then_code_set_the_presets_and_registering_twice_is_harmless()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["ProductionReady:RateLimits:Auth:PermitsPerSecond"] = "3";
        builder.Configuration["ProductionReady:RateLimits:Global:PermitsPerSecond"] = "50";
        builder.AddProductionReady(o => o.RateLimits.Auth.Burst = 1);
        builder.AddProductionReadyRateLimits();

        Assert.Single(builder.Services, d => d.ServiceType == typeof(RateLimitPresets));
        Assert.Single(builder.Services, d => d.ImplementationType == typeof(RateLimitsOptionsValidator));
        using var app = builder.Build();
        var options = app.Services.GetRequiredService<IOptions<ProductionReadyRateLimitsOptions>>().Value;
        Assert.Equal((3, 1), (options.Auth.PermitsPerSecond, options.Auth.Burst));
        Assert.Equal(50, options.Global?.PermitsPerSecond);

        // The framework's options carry the presets, 429 and the global limit.
        var limiter = app.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value;
        Assert.Equal(StatusCodes.Status429TooManyRequests, limiter.RejectionStatusCode);
        Assert.NotNull(limiter.GlobalLimiter);
    }

    [Fact]
    public void Rejections_are_summarised_once_per_policy_client_and_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        using var log = new RateLimitRejectionLog(Options.Create(new ProductionReadyRateLimitsOptions { RejectionLogWindow = TimeSpan.FromSeconds(10) }), loggerFactory, time);
        var noisy = IPAddress.Parse("203.0.113.7");

        for (var i = 0; i < 500; i++)
        {
            log.Record("auth", noisy);
        }

        log.Record("auth", "alice");
        log.Record("api", noisy);
        Assert.Empty(collector.GetSnapshot());

        time.Advance(TimeSpan.FromSeconds(10));

        var events = collector.GetSnapshot();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal("RateLimitRejected", e.Id.Name));
        Assert.Contains(events, e => e.Message.StartsWith("Rate limit 'auth' rejected 500 request(s) from ip:203.0.113.7", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Message.StartsWith("Rate limit 'auth' rejected 1 request(s) from user:alice", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Message.StartsWith("Rate limit 'api' rejected 1 request(s) from ip:203.0.113.7", StringComparison.Ordinal));

        // A new window starts with the next rejection; a quiet window logs nothing.
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(3, collector.GetSnapshot().Count);
        log.Record("auth", noisy);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(4, collector.GetSnapshot().Count);
    }
}
