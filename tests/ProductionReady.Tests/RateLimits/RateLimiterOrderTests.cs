using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;

namespace ProductionReady.Tests.RateLimits;

/// <summary>
/// Which orders of the app's own <c>UseRouting()</c>/<c>UseEndpoints()</c> keep the <c>auth</c> preset on: every order
/// but one, <c>UseEndpoints()</c> after a <c>UseRouting()</c> that comes after <c>UseProductionReady()</c>, which the
/// analyzer rule PRD014 flags. The fixes PRD014 names turn the limit back on.
/// </summary>
public sealed class RateLimiterOrderTests
{
    public static TheoryData<string> OrdersThatLimit => new()
    {
        "late routing, top-level routes",
        "routing before UseProductionReady, UseEndpoints",
        "late routing, UseRateLimiter, UseEndpoints",
    };

    [Theory]
    [MemberData(nameof(OrdersThatLimit))]
    public async Task The_auth_preset_applies_in_every_order_PRD014_leaves_alone(string order)
    {
        var statuses = await BurstAsync(order);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task UseEndpoints_after_a_late_UseRouting_runs_the_endpoints_before_the_limiter()
    {
        // The order PRD014 flags: no request is limited, however many arrive at once.
        var statuses = await BurstAsync("late routing, UseEndpoints");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    // 40 logins at once against the auth preset (5/s, burst 5): a limited pipeline answers most of them 429.
    private static async Task<HttpStatusCode[]> BurstAsync(string order)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.AddProductionReady(o => o.Health.DrainDelay = TimeSpan.Zero);

        await using var app = builder.Build();
        static void MapLogin(IEndpointRouteBuilder endpoints)
            => endpoints.MapPost("/auth/login", () => Results.Ok()).RequireRateLimiting("auth");

        switch (order)
        {
            case "late routing, top-level routes":
                app.UseProductionReady();
                app.UseRouting();
                MapLogin(app);
                break;
            case "routing before UseProductionReady, UseEndpoints":
                app.UseRouting();
                app.UseProductionReady();
#pragma warning disable ASP0014 // The order under test.
                app.UseEndpoints(MapLogin);
                break;
            case "late routing, UseRateLimiter, UseEndpoints":
                app.UseProductionReady();
                app.UseRouting();
                app.UseRateLimiter();
                app.UseEndpoints(MapLogin);
                break;
            case "late routing, UseEndpoints":
                app.UseProductionReady();
                app.UseRouting();
                app.UseEndpoints(MapLogin);
#pragma warning restore ASP0014
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(order), order, null);
        }

        await app.StartAsync();
        using var client = app.GetTestClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.PostAsync(new Uri("/auth/login", UriKind.Relative), content: null)));
        var statuses = responses.Select(r => r.StatusCode).ToArray();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        await app.StopAsync();
        return statuses;
    }
}
