using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;

namespace ProductionReady.RateLimits;

/// <summary>
/// Recognises ASP.NET Core Identity's endpoints as they are registered, so the <c>auth</c> preset reaches
/// them without code (<see cref="ProductionReadyRateLimitsOptions.Identity"/>): the Identity UI's pages by their route
/// values (area <c>Identity</c>, as the package's pages and pages scaffolded over them have), and
/// <c>MapIdentityApi</c>'s endpoints by the method that handles them (declared in the framework's
/// <c>IdentityApiEndpointRouteBuilderExtensions</c>), whatever group prefix the app maps them under.
/// </summary>
internal static class IdentityEndpoints
{
    private const string IdentityArea = "Identity";
    private const string IdentityApiExtensions = "Microsoft.AspNetCore.Routing.IdentityApiEndpointRouteBuilderExtensions";

    // Judged once per endpoint; weak, so endpoints a data source replaces (hot reload) are not kept alive.
    private static readonly ConditionalWeakTable<Endpoint, object> Judged = new();
    private static readonly object Yes = new();
    private static readonly object No = new();

    /// <summary>
    /// True for a POST to an Identity endpoint that names no rate-limit policy of its own. Only POSTs:
    /// a Razor page is one endpoint for GET and POST, and showing the login page guesses no password.
    /// </summary>
    public static bool IsLimited(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint() is { } endpoint
        && Judged.GetValue(endpoint, static e => Judge(e) ? Yes : No) == Yes;

    /// <summary>True when <paramref name="endpoint"/> is Identity's and leaves the choice of a limit to us.</summary>
    internal static bool Judge(Endpoint endpoint)
    {
        var metadata = endpoint.Metadata;

        // The endpoint's own choice wins: its policy applies (once, not twice), or no limit does.
        if (metadata.GetMetadata<EnableRateLimitingAttribute>() is not null || metadata.GetMetadata<DisableRateLimitingAttribute>() is not null)
        {
            return false;
        }

        // The Identity UI: Razor Pages carry their area and page as the route pattern's required values.
        if (endpoint is RouteEndpoint { RoutePattern.RequiredValues: var values }
            && values.TryGetValue("area", out var area)
            && string.Equals(area as string, IdentityArea, StringComparison.OrdinalIgnoreCase)
            && values.ContainsKey("page"))
        {
            return true;
        }

        // MapIdentityApi: minimal-API endpoints carry their handler's MethodInfo; Identity's handlers are lambdas
        // nested (as compiler-generated closure classes) in the extension class that maps them.
        if (metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            for (var type = handler.DeclaringType; type is not null; type = type.DeclaringType)
            {
                if (type.FullName == IdentityApiExtensions)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
