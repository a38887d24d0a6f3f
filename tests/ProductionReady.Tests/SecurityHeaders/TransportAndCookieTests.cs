using System.Net;
using Microsoft.AspNetCore.Hosting;
using ProductionReady;
using ProductionReady.TestSupport;

namespace ProductionReady.Tests.SecurityHeaders;

/// <summary>HSTS only on HTTPS (direct or from a trusted proxy), host exclusions, cookie hardening.</summary>
public sealed class TransportAndCookieTests
{
    private const string Hsts = "max-age=63072000; includeSubDomains";

    private static Task<TestHost> StartAsync(Action<ProductionReadySecurityHeadersOptions>? configure = null, string? remoteIp = null) => TestApp.StartAsync(
        configure,
        a =>
        {
            a.MapGet("/", () => Results.Ok());
            a.MapGet("/cookies", (HttpContext c) =>
            {
                c.Response.Cookies.Append("session", "abc");
                c.Response.Cookies.Append("strict", "1", new CookieOptions { SameSite = SameSiteMode.Strict, HttpOnly = true });
                c.Response.Headers.Append("Set-Cookie", "XSRF-TOKEN=t; path=/");
                return Results.Ok();
            });
        },
        beforeHeaders: remoteIp is null ? null : a => a.Use((c, next) =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(remoteIp);
            return next(c);
        }));

    // Behind a proxy: the trusted proxies belong to the forwarded-headers capability, which applies
    // X-Forwarded-Proto to the request's scheme; the connection's peer is set ahead of it, as a socket would.
    private static Task<TestHost> StartBehindProxyAsync(string remoteIp) => TestApp.StartAsync(
        null,
        a => a.MapGet("/", () => Results.Ok()),
        setup: b =>
        {
            b.Services.AddSingleton<IStartupFilter>(new PeerAddress(IPAddress.Parse(remoteIp)));
            b.AddProductionReadyForwardedHeaders(o => o.TrustedProxies.Add("10.0.0.0/8"));
        },
        beforeHeaders: a => a.UseProductionReadyForwardedHeaders());

    private sealed class PeerAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((c, n) =>
            {
                c.Connection.RemoteIpAddress = address;
                return n(c);
            });
            next(app);
        };
    }

    private static async Task<HttpResponseMessage> GetAsync(TestHost app, string url, string? forwardedProto = null)
    {
        using var client = app.CreateClient(url);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Hsts_on_https_only_and_not_to_localhost_by_default()
    {
        await using var app = await StartAsync();

        using var https = await GetAsync(app, "https://service.test/");
        using var http = await GetAsync(app, "http://service.test/");
        using var localhost = await GetAsync(app, "https://localhost:5001/");
        using var ip = await GetAsync(app, "https://127.0.0.1:5001/");

        Assert.Equal(Hsts, HeaderAssert.Get(https, "Strict-Transport-Security"));
        Assert.Null(HeaderAssert.Get(http, "Strict-Transport-Security"));
        Assert.Null(HeaderAssert.Get(localhost, "Strict-Transport-Security"));
        Assert.Equal(Hsts, HeaderAssert.Get(ip, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Host_exclusions_can_be_cleared_and_hsts_tuned()
    {
        await using var app = await StartAsync(o =>
        {
            o.Hsts.ExcludedHosts.Clear();
            o.Hsts.Preload = true;
            o.Hsts.MaxAge = TimeSpan.FromDays(730);
        });

        using var localhost = await GetAsync(app, "https://localhost:5001/");

        Assert.Equal("max-age=63072000; includeSubDomains; preload", HeaderAssert.Get(localhost, "Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("10.1.2.3", "https", true)]
    [InlineData("10.1.2.3", null, false)]
    [InlineData("::ffff:10.1.2.3", "https", true)]
    [InlineData("192.168.1.1", "https", false)]
    public async Task X_Forwarded_Proto_counts_only_from_a_trusted_proxy(string remoteIp, string? forwardedProto, bool expectHsts)
    {
        await using var app = await StartBehindProxyAsync(remoteIp);

        using var response = await GetAsync(app, "http://service.test/", forwardedProto);

        Assert.Equal(expectHsts ? Hsts : null, HeaderAssert.Get(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Cookies_get_secure_over_https_httponly_and_samesite_lax_unless_they_say_otherwise()
    {
        await using var app = await StartAsync(o => o.Cookies.HttpOnlyExceptions.Add("XSRF-TOKEN"));

        using var https = await GetAsync(app, "https://service.test/cookies");
        using var http = await GetAsync(app, "http://service.test/cookies");

        var secure = https.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal("session=abc; path=/; secure; samesite=lax; httponly", secure[0]);
        Assert.Equal("strict=1; path=/; samesite=strict; httponly; secure", secure[1]);
        Assert.Equal("XSRF-TOKEN=t; path=/; secure; samesite=lax", secure[2]);
        var plain = http.Headers.GetValues("Set-Cookie").ToList();
        Assert.Equal("session=abc; path=/; samesite=lax; httponly", plain[0]);
        Assert.Equal("strict=1; path=/; samesite=strict; httponly", plain[1]);
    }

    [Fact]
    public async Task Cookie_hardening_can_be_turned_off()
    {
        await using var app = await StartAsync(o => o.Cookies.Enabled = false);

        using var https = await GetAsync(app, "https://service.test/cookies");

        Assert.Equal("session=abc; path=/", https.Headers.GetValues("Set-Cookie").First());
    }
}
