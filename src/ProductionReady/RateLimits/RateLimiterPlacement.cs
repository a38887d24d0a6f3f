using Microsoft.AspNetCore.Hosting;

namespace ProductionReady.RateLimits;

/// <summary>
/// Puts the framework's rate limiter where an endpoint has been chosen, whatever the order of the app's
/// <c>UseRouting()</c>. The limiter picks a policy from the endpoint's metadata, so before routing it sees
/// none and every preset is silently off; the <c>webapp</c> and <c>mvc</c> templates call
/// <c>app.UseRouting()</c> themselves, after <c>app.UseProductionReady()</c>.
/// <list type="bullet">
/// <item>Routing already placed (a minimal-API app, whose routing <c>WebApplication</c> adds at the very
/// front, or an explicit <c>UseRouting()</c> earlier): the limiter runs where <c>UseProductionReadyRateLimits()</c>
/// was called, ahead of the app's own middleware.</item>
/// <item>The app calls <c>UseRouting()</c> on the <c>WebApplication</c> later: the limiter is appended after the
/// app's last middleware, just before the endpoint runs, the way <c>WebApplication</c> itself appends
/// <c>UseEndpoints()</c>. A startup filter does it, since only then has the app's code placed all its middleware.</item>
/// </list>
/// </summary>
internal sealed class RateLimiterPlacement : IStartupFilter
{
    // Set on the builder by UseRouting() (EndpointRoutingApplicationBuilderExtensions); WebApplication leaves it
    // unset when it adds the routing at the front itself.
    private const string RoutingKey = "__EndpointRouteBuilder";

    private IApplicationBuilder? _app; // the WebApplication, seen as the builder whose Properties UseRouting() writes
    private bool _routedBefore;

    /// <summary>Notes where <c>UseProductionReadyRateLimits()</c> was called and adds the limiter there, or a no-op when routing comes later.</summary>
    public IApplicationBuilder UseAt(IApplicationBuilder app)
    {
        if (app is WebApplication)
        {
            _app = app;
            _routedBefore = app.Properties.ContainsKey(RoutingKey);
        }

        return app.Use(next =>
        {
            // Built with the pipeline, after every line of the app's Program.cs has run.
            if (RoutingComesLater)
            {
                return next;
            }

            var limited = app.New();
            limited.UseRateLimiter();
            limited.Run(next);
            return limited.Build();
        });
    }

    /// <summary>True when the app called <c>UseRouting()</c> on the <c>WebApplication</c> after <c>UseProductionReadyRateLimits()</c>.</summary>
    public bool RoutingComesLater => _app is not null && !_routedBefore && _app.Properties.ContainsKey(RoutingKey);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
    {
        if (RoutingComesLater)
        {
            // The app's pipeline is built after the startup filters have run: this lands behind its last middleware.
            _app!.UseRateLimiter();
        }

        next(builder);
    };
}
