using ProductionReady.Common;

namespace ProductionReady.Tests.Common;

/// <summary>The one way a configured path is compared with a request path: case-insensitive, one trailing slash ignored.</summary>
public sealed class RequestPathsTests
{
    [Theory]
    [InlineData("/health/live", "/health/live")]
    [InlineData(" /health/live/ ", "/health/live")]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    public void Normalize_trims_and_drops_the_trailing_slash_but_keeps_the_root(string configured, string expected) =>
        Assert.Equal(expected, RequestPaths.Normalize(configured));

    [Theory]
    [InlineData("/health/live", true)]
    [InlineData("/Health/Live", true)]
    [InlineData("/health/live/", true)]
    [InlineData("/health/live//", false)]
    [InlineData("/health/liveness", false)]
    [InlineData("/health", false)]
    [InlineData("", false)]
    public void Matches_ignores_case_and_one_trailing_slash(string request, bool expected)
    {
        var configured = RequestPaths.Normalize("/health/live/");

        Assert.Equal(expected, RequestPaths.Matches(new PathString(request.Length == 0 ? null : request), configured));
        Assert.Equal(expected, RequestPaths.IsOneOf(new PathString(request.Length == 0 ? null : request), ["/other", configured]));
    }

    [Fact]
    public void The_root_matches_only_the_root()
    {
        Assert.True(RequestPaths.Matches(new PathString("/"), RequestPaths.Normalize("/")));
        Assert.False(RequestPaths.Matches(new PathString("/x"), RequestPaths.Normalize("/")));
    }

    [Theory]
    [InlineData("/api", "/api", true)]
    [InlineData("/api/", "/API/orders", true)]
    [InlineData("/api", "/api/", true)]
    [InlineData("/api", "/apis", false)]
    [InlineData("/", "/anything", true)]
    public void IsUnder_matches_whole_segments(string prefix, string request, bool expected) =>
        Assert.Equal(expected, RequestPaths.IsUnder(new PathString(request), RequestPaths.Normalize(prefix)));
}
