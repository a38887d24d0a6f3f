using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using ProductionReady.IntegrationTests.Infrastructure;
using ProductionReady.TestSupport;

namespace ProductionReady.IntegrationTests.RateLimits;

/// <summary>The presets in an app on real Kestrel: who a request is counted against, the counter, and exempt paths.</summary>
public sealed class RateLimitPartitionTests
{
    [Fact]
    public async Task A_signed_in_user_has_one_budget_whatever_the_address_and_two_users_behind_one_address_have_two()
    {
        await using var app = await StartAsync(
            configure: builder => builder.AddProductionReadyRateLimits(),
            pipeline: app =>
            {
                // Stands in for authentication: the user named in a header is signed in.
                app.Use((context, next) =>
                {
                    if (context.Request.Headers["X-Test-User"] is [{ Length: > 0 } name])
                    {
                        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test"));
                    }

                    return next(context);
                });
                app.UseProductionReadyRateLimits();
                app.MapPost("/upload", () => Results.Ok()).RequireRateLimiting("uploads");
            });

        // uploads: 2/s, burst 2 -> 4 at once per client.
        using var fromA = LoopbackClient.From("127.0.0.8", app.Address);
        using var fromB = LoopbackClient.From("127.0.0.9", app.Address);
        var alice = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            alice.Add(await SendAsync(i % 2 == 0 ? fromA : fromB, "alice"));
        }

        // alice's 6 requests from two addresses share one bucket of 4.
        Assert.Equal(4, alice.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(2, alice.Count(s => s == HttpStatusCode.TooManyRequests));

        // bob, behind alice's address, has his own budget; so has the anonymous caller at that address.
        Assert.Equal(HttpStatusCode.OK, await SendAsync(fromA, "bob"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(fromA, user: null));

        static async Task<HttpStatusCode> SendAsync(HttpClient client, string? user)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/upload");
            if (user is not null)
            {
                request.Headers.Add("X-Test-User", user);
            }

            return (await client.SendAsync(request)).StatusCode;
        }
    }

    [Fact]
    public async Task With_authentication_the_framework_adds_itself_the_user_is_known_to_the_presets_of_UseProductionReady()
    {
        await using var app = await StartAsync(
            configure: builder =>
            {
                builder.AddProductionReady();
                builder.Services.AddAuthentication("header").AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, HeaderAuthentication>("header", null);
            },
            pipeline: app =>
            {
                // No app.UseAuthentication(): WebApplication adds it ahead of the app's own middleware.
                app.UseProductionReady();
                app.MapPost("/upload", () => Results.Ok()).RequireRateLimiting("uploads");
            });
        using var fromA = LoopbackClient.From("127.0.0.12", app.Address);
        using var fromB = LoopbackClient.From("127.0.0.13", app.Address);

        var carol = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/upload");
            request.Headers.Add("X-Test-User", "carol");
            carol.Add((await (i % 2 == 0 ? fromA : fromB).SendAsync(request)).StatusCode);
        }

        Assert.Equal(4, carol.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Each_rejection_is_counted_on_the_ProductionReady_meter_tagged_with_the_policy_only()
    {
        await using var app = await StartAsync(
            configure: builder => builder.AddProductionReadyRateLimits(o => o.Api.Burst = 0),
            pipeline: app =>
            {
                app.UseProductionReadyRateLimits();
                app.MapGet("/api/items", () => Results.Ok()).RequireRateLimiting("api");
            });
        var measurements = new ConcurrentQueue<(long Value, KeyValuePair<string, object?>[] Tags)>();
        var meterFactory = app.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Meter.Name == "ProductionReady" && instrument.Name == "productionready.ratelimit.rejections")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => measurements.Enqueue((value, tags.ToArray())));
        listener.Start();

        using var client = LoopbackClient.From("127.0.0.10", app.Address);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            statuses.Add((await client.GetAsync("/api/items")).StatusCode);
        }

        var rejected = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        Assert.True(rejected >= 5, $"{rejected} rejected");
        Assert.Equal(rejected, measurements.Sum(m => m.Value));
        Assert.All(measurements, m => Assert.Equal([new KeyValuePair<string, object?>("policy", "api")], m.Tags));
    }

    [Fact]
    public async Task Probes_and_the_csp_report_endpoint_are_exempt_even_when_the_app_puts_the_rate_limiter_first()
    {
        await using var app = await StartAsync(
            configure: builder =>
            {
                builder.Configuration["ProductionReady:RateLimits:Global:PermitsPerSecond"] = "1";
                builder.Configuration["ProductionReady:RateLimits:Global:Burst"] = "0";
                builder.AddProductionReady();
            },
            pipeline: app =>
            {
                app.UseProductionReadyRateLimits(); // ahead of the probes: only the exemption keeps them unlimited
                app.UseProductionReady();
                app.MapGet("/", () => "home");
            });
        using var client = LoopbackClient.From("127.0.0.11", app.Address);

        await GlobalLimitExemptions.AssertOnlyOrdinaryRequestsAreLimitedAsync(client, ordinary: 5, rounds: 10, "/health/live", "/health/startup");
    }

    private static Task<TestHost> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> pipeline)
        => TestHost.StartAsync(configure, pipeline, "Development", TestServerKind.Kestrel, captureLogs: false);

    /// <summary>Signs in the user named in the <c>X-Test-User</c> header.</summary>
    private sealed class HeaderAuthentication(
        Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        System.Text.Encodings.Web.UrlEncoder encoder)
        : Microsoft.AspNetCore.Authentication.AuthenticationHandler<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<Microsoft.AspNetCore.Authentication.AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Request.Headers["X-Test-User"] is [{ Length: > 0 } name]
                ? Microsoft.AspNetCore.Authentication.AuthenticateResult.Success(new Microsoft.AspNetCore.Authentication.AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], Scheme.Name)), Scheme.Name))
                : Microsoft.AspNetCore.Authentication.AuthenticateResult.NoResult());
    }
}
