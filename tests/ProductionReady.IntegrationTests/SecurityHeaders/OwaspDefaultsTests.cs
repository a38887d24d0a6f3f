using System.Net;
using Microsoft.Extensions.FileProviders;

namespace ProductionReady.IntegrationTests.SecurityHeaders;

/// <summary>
/// The 2026 OWASP defaults on real Kestrel: <c>Cache-Control: no-store</c> on API responses that state no caching of
/// their own (not on pages, not on static files, not where the endpoint chose), HSTS for two years, the endpoint's
/// own header values kept, and cookies made what their <c>__Host-</c>/<c>__Secure-</c> prefix promises.
/// </summary>
public sealed class OwaspDefaultsTests : IDisposable
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("pr-owasp-").FullName;

    public OwaspDefaultsTests() => File.WriteAllText(Path.Combine(_webRoot, "app.css"), "body { color: black }");

    public void Dispose() => Directory.Delete(_webRoot, recursive: true);

    [Fact]
    public async Task Api_responses_get_no_store_unless_they_state_caching_of_their_own()
    {
        await using var app = await KestrelApp.StartAsync(true, a =>
        {
            a.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(_webRoot) });
            a.MapGet("/orders", () => Results.Ok(new { id = 1 }));
            a.MapGet("/problem", () => Results.Problem("nope", statusCode: 409));
            a.MapGet("/catalog", (HttpContext c) =>
            {
                c.Response.Headers.CacheControl = "public, max-age=60";
                return Results.Ok(new { items = 3 });
            });
            a.MapGet("/page", () => Results.Content("<!doctype html><p>hi</p>", "text/html"));
        });
        using var client = new HttpClient();

        async Task<string?> CacheControl(string path)
        {
            using var response = await client.GetAsync(new Uri(app.Origin + path));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            return response.Headers.TryGetValues("Cache-Control", out var values) ? string.Join(",", values) : null;
        }

        Assert.Equal("no-store", await CacheControl("/orders"));
        Assert.Equal("no-store", await CacheControl("/problem"));
        Assert.Equal("no-store", await CacheControl("/missing"));
        Assert.Equal("public, max-age=60", await CacheControl("/catalog"));
        Assert.Null(await CacheControl("/page"));
        Assert.Null(await CacheControl("/app.css"));
    }

    [Fact]
    public async Task An_endpoints_own_header_values_are_kept_and_the_rest_of_the_profile_is_added()
    {
        await using var app = await KestrelApp.StartAsync(true, a => a.MapGet("/embed", (HttpContext c) =>
        {
            c.Response.Headers.XFrameOptions = "SAMEORIGIN";
            c.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'self'";
            c.Response.Headers["Referrer-Policy"] = "same-origin";
            return Results.Ok();
        }));
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(app.Origin + "/embed"));

        Assert.Equal("SAMEORIGIN", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        // The endpoint's policy is kept, and the profile's is sent beside it: a browser enforces both.
        var policies = response.Headers.GetValues("Content-Security-Policy").ToArray();
        Assert.Equal(2, policies.Length);
        Assert.Equal("default-src 'none'; frame-ancestors 'self'", policies[0]);
        Assert.Contains("default-src 'none'", policies[1], StringComparison.Ordinal);
        Assert.Equal("same-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", string.Join(",", response.Headers.GetValues("Cache-Control")));
    }

    [Fact]
    public async Task Hsts_is_sent_for_two_years_and_an_endpoints_own_hsts_is_kept()
    {
        await using var app = await KestrelApp.StartAsync(
            true,
            a =>
            {
                // What ForwardedHeaders does behind a TLS proxy: the request's scheme becomes https.
                a.Use((context, next) =>
                {
                    context.Request.Scheme = "https";
                    return next(context);
                });
                a.MapGet("/", () => Results.Ok());
                a.MapGet("/own", (HttpContext c) =>
                {
                    c.Response.Headers.StrictTransportSecurity = "max-age=300";
                    return Results.Ok();
                });
            });
        using var client = new HttpClient();

        async Task<string> Hsts(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(app.Origin + path));
            using var response = await client.SendAsync(request);
            return string.Join(",", response.Headers.GetValues("Strict-Transport-Security"));
        }

        Assert.Equal("max-age=63072000; includeSubDomains", await Hsts("/"));
        Assert.Equal("max-age=300", await Hsts("/own"));
    }

    [Fact]
    public async Task Prefixed_cookies_get_what_their_prefix_requires_and_an_unfixable_one_is_reported()
    {
        await using var app = await KestrelApp.StartAsync(true, a => a.MapGet("/login", (HttpContext c) =>
        {
            c.Response.Headers.Append("Set-Cookie", "__Host-session=s1; httponly");
            c.Response.Headers.Append("Set-Cookie", "__Secure-pref=p1; path=/app");
            c.Response.Headers.Append("Set-Cookie", "__Host-wide=w1; domain=example.test; path=/; secure");
            c.Response.Headers.Append("Set-Cookie", "plain=v1; path=/");
            return Results.Ok();
        }));
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false });

        using var response = await client.GetAsync(new Uri(app.Origin + "/login"));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();

        // Plain HTTP: only the prefixes ask for Secure here.
        Assert.Equal("__Host-session=s1; httponly; path=/; secure; samesite=lax", cookies[0]);
        Assert.Equal("__Secure-pref=p1; path=/app; secure; samesite=lax; httponly", cookies[1]);
        Assert.Equal("__Host-wide=w1; domain=example.test; path=/; secure; samesite=lax; httponly", cookies[2]);
        Assert.Equal("plain=v1; path=/; samesite=lax; httponly", cookies[3]);

        var warning = Assert.Single(app.Logs.GetSnapshot(), r => r.Id.Name == "CookiePrefixUnmet");
        Assert.Contains("__Host-wide", warning.Message, StringComparison.Ordinal);
        Assert.Contains("a Domain", warning.Message, StringComparison.Ordinal);
    }
}
