using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using ProductionReady.RateLimits;

namespace ProductionReady.Tests.RateLimits;

/// <summary>
/// Which requests get the <c>auth</c> preset as Identity's: POSTs to Razor pages of the <c>Identity</c> area (as the
/// Identity UI's pages and pages scaffolded over them are registered) that name no policy of their own.
/// <c>MapIdentityApi</c>'s endpoints are recognised by their handler, which only the real framework maps: the
/// template tests cover them.
/// </summary>
public sealed class IdentityEndpointsTests
{
    [Theory]
    [InlineData("POST", "Identity", true)]
    [InlineData("post", "identity", true)]
    [InlineData("GET", "Identity", false)]
    [InlineData("HEAD", "Identity", false)]
    [InlineData("POST", "Admin", false)]
    [InlineData("POST", null, false)]
    public void Only_posts_to_pages_of_the_identity_area_are_limited(string method, string? area, bool limited)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.SetEndpoint(Page("/Account/Login", area));

        Assert.Equal(limited, IdentityEndpoints.IsLimited(context));
    }

    [Fact]
    public void An_identity_page_that_names_its_own_policy_or_none_keeps_it()
    {
        Assert.False(IdentityEndpoints.Judge(Page("/Account/Login", "Identity", new EnableRateLimitingAttribute("api"))));
        Assert.False(IdentityEndpoints.Judge(Page("/Account/Login", "Identity", new DisableRateLimitingAttribute())));
        Assert.True(IdentityEndpoints.Judge(Page("/Account/Manage/ChangePassword", "Identity")));
    }

    [Fact]
    public void A_request_without_an_endpoint_is_not_identitys()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";

        Assert.False(IdentityEndpoints.IsLimited(context));
    }

    private static RouteEndpoint Page(string page, string? area, params object[] metadata)
    {
        var required = new Dictionary<string, object?> { ["page"] = page };
        if (area is not null)
        {
            required["area"] = area;
        }

        // As MVC registers pages: the required values are also defaults of the pattern.
        var pattern = RoutePatternFactory.Parse((area is null ? "" : area + "/") + page.TrimStart('/'), defaults: required, parameterPolicies: null, requiredValues: required);
        return new RouteEndpoint(_ => Task.CompletedTask, pattern, 0, new EndpointMetadataCollection(metadata), page);
    }
}
