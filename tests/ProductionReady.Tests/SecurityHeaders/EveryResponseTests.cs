using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ProductionReady.Tests.SecurityHeaders;

/// <summary>The headers are on every kind of response downstream of the middleware.</summary>
public sealed class EveryResponseTests
{
    [Fact]
    public async Task Json_200_gets_the_api_profile_and_loses_version_headers()
    {
        await using var app = await TestApp.StartAsync(null, a => a.MapGet("/", (HttpContext c) =>
        {
            c.Response.Headers["X-Powered-By"] = "ASP.NET";
            c.Response.Headers["X-AspNet-Version"] = "4.0.30319";
            return Results.Ok(new { ok = true });
        }));

        using var response = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        HeaderAssert.HasApiProfile(response);
        Assert.Null(HeaderAssert.Get(response, "X-AspNet-Version"));
        Assert.Null(HeaderAssert.Get(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Unmatched_404_gets_the_headers()
    {
        await using var app = await TestApp.StartAsync(null, a => a.MapGet("/", () => "x"));

        using var response = await app.CreateClient().GetAsync(new Uri("/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        HeaderAssert.HasApiProfile(response);
    }

    [Fact]
    public async Task Exception_handler_500_gets_the_headers_even_though_the_handler_clears_the_response()
    {
        await using var app = await TestApp.StartAsync(null, a =>
        {
            a.UseExceptionHandler(e => e.Run(c => c.Response.WriteAsJsonAsync(new { error = c.Features.Get<IExceptionHandlerFeature>()!.Error.Message })));
            a.MapGet("/boom", (HttpContext c) =>
            {
                c.Response.Headers["X-Frame-Options"] = "SAMEORIGIN"; // cleared by the handler with the rest
                throw new InvalidOperationException("boom");
            });
        });

        using var response = await app.CreateClient().GetAsync(new Uri("/boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("boom", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        HeaderAssert.HasApiProfile(response);
    }

    [Fact]
    public async Task Status_code_page_gets_the_headers()
    {
        await using var app = await TestApp.StartAsync(null, a =>
        {
            a.UseStatusCodePages();
            a.MapGet("/teapot", () => Results.StatusCode(418));
        });

        using var response = await app.CreateClient().GetAsync(new Uri("/teapot", UriKind.Relative));

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Contains("418", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        HeaderAssert.HasApiProfile(response);
    }

    [Fact]
    public async Task Static_files_get_the_profile_of_their_content_type()
    {
        await using var app = await TestApp.StartAsync(null, a => a.UseStaticFiles());
        await File.WriteAllTextAsync(Path.Combine(app.ContentRoot, "wwwroot", "index.html"), "<!doctype html><script src=\"/app.js\"></script>");
        await File.WriteAllTextAsync(Path.Combine(app.ContentRoot, "wwwroot", "app.js"), "console.log(1)");
        using var client = app.CreateClient();

        using var html = await client.GetAsync(new Uri("/index.html", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/app.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var csp = HeaderAssert.HtmlCsp(html);
        // Nobody asked for a nonce: same-origin script files load, inline script stays blocked.
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("nonce", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("strict-dynamic", csp, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        HeaderAssert.HasApiProfile(script);
    }

    [Fact]
    public async Task Short_circuited_endpoint_terminal_middleware_and_health_probe_get_the_headers()
    {
        await using var app = await TestApp.StartAsync(
            null,
            a =>
            {
                a.UseHealthChecks("/healthz");
                a.Map("/terminal", b => b.Run(c => c.Response.WriteAsync("stop")));
                a.MapGet("/short", () => TypedResults.Ok("short")).ShortCircuit();
            },
            setup: b => b.Services.AddHealthChecks());
        using var client = app.CreateClient();

        foreach (var path in new[] { "/healthz", "/terminal", "/short" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            HeaderAssert.HasApiProfile(response);
        }
    }

    [Fact]
    public async Task Https_redirect_gets_the_headers()
    {
        await using var app = await TestApp.StartAsync(
            null,
            a =>
            {
                a.UseHttpsRedirection();
                a.MapGet("/", () => "x");
            },
            setup: b => b.Services.AddHttpsRedirection(o => o.HttpsPort = 443));

        using var response = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://service.test/", response.Headers.Location?.ToString());
        HeaderAssert.HasApiProfile(response);
    }

    [Fact]
    public async Task Exception_handler_added_before_the_headers_call_gets_the_headers_too()
    {
        await using var app = await TestApp.StartAsync(
            null,
            a => a.MapGet("/boom", IResult () => throw new InvalidOperationException("boom")),
            beforeHeaders: a => a.UseExceptionHandler(e => e.Run(c => c.Response.WriteAsync("handled"))));

        using var response = await app.CreateClient().GetAsync(new Uri("/boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("handled", await response.Content.ReadAsStringAsync());
        HeaderAssert.HasApiProfile(response);
    }

    [Fact]
    public async Task Developer_exception_page_gets_the_headers()
    {
        await using var app = await TestApp.StartAsync(null, a => a.MapGet("/boom", IResult () => throw new InvalidOperationException("boom")));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/boom");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("boom", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(
            ProductionReady.SecurityHeaders.SecurityHeaderDefaults.DeveloperExceptionPageContentSecurityPolicy + "; report-uri /csp-reports",
            HeaderAssert.Get(response, "Content-Security-Policy"));
        Assert.Equal("DENY", HeaderAssert.Get(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Response_short_circuited_by_another_startup_filter_registered_earlier_gets_the_headers()
    {
        await using var app = await TestApp.StartAsync(
            null,
            a => a.MapGet("/", () => "x"),
            setup: b => b.Services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ShortCircuitingFilter>());

        using var response = await app.CreateClient().GetAsync(new Uri("/early", UriKind.Relative));

        Assert.Equal("early", await response.Content.ReadAsStringAsync());
        HeaderAssert.HasApiProfile(response);
    }

    [Fact]
    public async Task Empty_204_and_head_responses_get_the_headers()
    {
        await using var app = await TestApp.StartAsync(null, a => a.MapMethods("/empty", ["GET", "HEAD"], () => Results.NoContent()));
        using var client = app.CreateClient();

        using var get = await client.GetAsync(new Uri("/empty", UriKind.Relative));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/empty"));

        Assert.Equal(HttpStatusCode.NoContent, get.StatusCode);
        HeaderAssert.HasApiProfile(get);
        HeaderAssert.HasApiProfile(head);
    }

    [Fact]
    public async Task A_value_the_endpoint_set_itself_is_kept_and_the_rest_of_the_profile_added_its_CSP_beside_ours()
    {
        await using var app = await TestApp.StartAsync(null, a => a.MapGet("/", (HttpContext c) =>
        {
            c.Response.Headers.XFrameOptions = "SAMEORIGIN"; // e.g. antiforgery's default
            c.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'self'";
            return Results.Ok();
        }));

        using var response = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("SAMEORIGIN", HeaderAssert.Get(response, "X-Frame-Options"));
        // The endpoint's policy is kept and the profile's goes beside it (a browser enforces both).
        var policies = response.Headers.GetValues("Content-Security-Policy").ToArray();
        Assert.Equal(2, policies.Length);
        Assert.Equal("default-src 'none'; frame-ancestors 'self'", policies[0]);
        Assert.Contains("frame-ancestors 'none'", policies[1], StringComparison.Ordinal);
        Assert.Equal("nosniff", HeaderAssert.Get(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", HeaderAssert.Get(response, "Referrer-Policy"));
    }

    [Fact]
    public void Kestrel_server_header_is_turned_off_at_its_source()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddProductionReadySecurityHeaders();
        builder.AddProductionReadySecurityHeaders();
        using var app = builder.Build();

        var kestrel = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
        Assert.Single(app.Services.GetServices<IHostedService>(), s => s.GetType().Name == "SecurityHeadersPolicyReport");
    }

    /// <summary>A library's startup filter that answers /early itself, ahead of the app's pipeline.</summary>
    private sealed class ShortCircuitingFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/early", b => b.Run(c => c.Response.WriteAsync("early")));
            next(app);
        };
    }
}
