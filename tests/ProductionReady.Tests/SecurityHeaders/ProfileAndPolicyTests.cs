using System.Net;
using Microsoft.Extensions.Configuration;
using System.Text.RegularExpressions;
using ProductionReady;

namespace ProductionReady.Tests.SecurityHeaders;

/// <summary>Which profile a response gets, the nonce, named and per-endpoint policies, report-only mode.</summary>
public sealed partial class ProfileAndPolicyTests
{
    private static IResult Page(HttpContext context, string? body = null) =>
        Results.Content(body ?? $"<!doctype html><script nonce=\"{context.GetCspNonce()}\">1</script>", "text/html; charset=utf-8");

    [Fact]
    public async Task Html_response_gets_a_strict_nonce_csp_whose_nonce_is_the_one_the_page_used_and_new_per_request()
    {
        await using var app = await TestApp.StartAsync(null, a => a.MapGet("/page", (HttpContext c) => Page(c)));
        using var client = app.CreateClient();

        using var first = await client.GetAsync(new Uri("/page", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/page", UriKind.Relative));

        var csp = HeaderAssert.HtmlCsp(first);
        var pageNonce = NonceInPage().Match(await first.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Equal(24, pageNonce.Length);
        // No 'strict-dynamic' by default: under it browsers ignore 'self' and a page's <script src> files stop loading.
        Assert.Contains($"script-src 'self' 'nonce-{pageNonce}';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("strict-dynamic", csp, StringComparison.Ordinal);
        Assert.Contains($"style-src 'self' 'nonce-{pageNonce}'", csp, StringComparison.Ordinal);
        Assert.EndsWith("report-uri /csp-reports", csp, StringComparison.Ordinal);
        var secondNonce = NonceInPage().Match(await second.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEqual(pageNonce, secondNonce);
        Assert.Contains(secondNonce, HeaderAssert.Get(second, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonce_is_the_same_for_the_whole_request_and_cannot_be_asked_for_after_the_response_started()
    {
        string? error = null;
        await using var app = await TestApp.StartAsync(null, a => a.MapGet("/late", async (HttpContext c) =>
        {
            Assert.Equal(c.GetCspNonce(), c.GetCspNonce());
            c.Features.Set<ProductionReady.SecurityHeaders.CspNonceFeature>(null);
            c.Response.ContentType = "text/html";
            await c.Response.WriteAsync("<p>started</p>");
            error = Assert.Throws<InvalidOperationException>(c.GetCspNonce).Message;
        }));

        using var response = await app.CreateClient().GetAsync(new Uri("/late", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("before writing the response body", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xhtml_gets_the_html_profile_and_problem_json_the_api_profile()
    {
        await using var app = await TestApp.StartAsync(null, a =>
        {
            a.MapGet("/x", () => Results.Content("<html/>", "application/xhtml+xml"));
            a.MapGet("/p", () => Results.Problem("nope"));
        });
        using var client = app.CreateClient();

        using var xhtml = await client.GetAsync(new Uri("/x", UriKind.Relative));
        using var problem = await client.GetAsync(new Uri("/p", UriKind.Relative));

        HeaderAssert.HtmlCsp(xhtml);
        HeaderAssert.HasApiProfile(problem);
    }

    [Fact]
    public async Task Named_policy_inline_override_attribute_and_forced_profiles_apply_per_endpoint()
    {
        await using var app = await TestApp.StartAsync(
            o => o.Policies["docs"] = new SecurityHeaderPolicy { ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'", XFrameOptions = "SAMEORIGIN" },
            a =>
            {
                a.MapGet("/docs", () => Results.Content("<html/>", "text/html")).WithSecurityHeaders("docs");
                a.MapGet("/docs.json", () => Results.Ok()).WithSecurityHeaders("docs");
                a.MapGet("/inline", () => Results.Ok()).WithSecurityHeaders(p => p.ReferrerPolicy = "same-origin");
                a.MapGet("/forced-html", () => Results.Ok()).WithSecurityHeaders(ProductionReadySecurityHeadersOptions.HtmlPolicyName);
                a.MapGet("/attribute", [SecurityHeadersPolicy("docs")] () => Results.Ok());
            });
        using var client = app.CreateClient();

        using var docs = await client.GetAsync(new Uri("/docs", UriKind.Relative));
        using var docsJson = await client.GetAsync(new Uri("/docs.json", UriKind.Relative));
        using var inline = await client.GetAsync(new Uri("/inline", UriKind.Relative));
        using var forced = await client.GetAsync(new Uri("/forced-html", UriKind.Relative));
        using var attribute = await client.GetAsync(new Uri("/attribute", UriKind.Relative));

        const string DocsCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; report-uri /csp-reports";
        Assert.Equal(DocsCsp, HeaderAssert.Get(docs, "Content-Security-Policy"));
        Assert.Equal("SAMEORIGIN", HeaderAssert.Get(docs, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", HeaderAssert.Get(docs, "Referrer-Policy"));
        Assert.Equal("no-referrer", HeaderAssert.Get(docsJson, "Referrer-Policy"));
        Assert.Equal(DocsCsp, HeaderAssert.Get(attribute, "Content-Security-Policy"));
        Assert.Equal("same-origin", HeaderAssert.Get(inline, "Referrer-Policy"));
        Assert.Equal(HeaderAssert.ApiCsp, HeaderAssert.Get(inline, "Content-Security-Policy"));
        HeaderAssert.HtmlCsp(forced);
    }

    [Fact]
    public async Task Path_policies_and_the_api_docs_presets_change_only_the_pages_csp()
    {
        await using var app = await TestApp.StartAsync(
            o => o.PathPolicies["/swagger/"] = ProductionReadySecurityHeadersOptions.SwaggerUiPolicyName,
            a =>
            {
                a.MapGet("/swagger/index.html", () => Results.Content("<html/>", "text/html"));
                a.MapGet("/swagger/v1/swagger.json", () => Results.Ok());
                a.MapGet("/swaggerish", () => Results.Content("<html/>", "text/html"));
                a.MapGet("/scalar/v1", () => Results.Content("<html/>", "text/html")).WithSecurityHeaders(ProductionReadySecurityHeadersOptions.ScalarPolicyName);
            });
        using var client = app.CreateClient();

        using var swagger = await client.GetAsync(new Uri("/SWAGGER/index.html", UriKind.Relative));
        using var swaggerJson = await client.GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative));
        using var other = await client.GetAsync(new Uri("/swaggerish", UriKind.Relative));
        using var scalar = await client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        Assert.Equal(ProductionReady.SecurityHeaders.SecurityHeaderDefaults.SwaggerUiContentSecurityPolicy + "; report-uri /csp-reports", HeaderAssert.Get(swagger, "Content-Security-Policy"));
        Assert.Equal("strict-origin-when-cross-origin", HeaderAssert.Get(swagger, "Referrer-Policy"));
        HeaderAssert.HasApiProfile(swaggerJson);
        Assert.Contains("style-src 'self';", HeaderAssert.HtmlCsp(other), StringComparison.Ordinal);
        Assert.Equal(ProductionReady.SecurityHeaders.SecurityHeaderDefaults.ScalarContentSecurityPolicy + "; report-uri /csp-reports", HeaderAssert.Get(scalar, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Developer_exception_page_gets_its_own_csp_and_nothing_else_does(string environment)
    {
        await using var app = await TestApp.StartAsync(
            null,
            a =>
            {
                if (!a.Environment.IsDevelopment())
                {
                    a.UseExceptionHandler(e => e.Run(c => c.Response.WriteAsync("<p>sorry</p>")));
                }

                a.MapGet("/boom", string () => throw new InvalidOperationException("boom"));
            },
            environment);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await client.GetAsync(new Uri("/boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var csp = HeaderAssert.Get(response, "Content-Security-Policy");
        var relaxed = ProductionReady.SecurityHeaders.SecurityHeaderDefaults.DeveloperExceptionPageContentSecurityPolicy + "; report-uri /csp-reports";
        if (environment == "Development")
        {
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            Assert.Equal(relaxed, csp);
        }
        else
        {
            Assert.NotEqual(relaxed, csp);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_policy_name_stops_the_app_at_startup_with_the_names_it_knows()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(
            o => o.Policies["docs"] = new SecurityHeaderPolicy(),
            a => a.MapGet("/docs", () => "x").WithSecurityHeaders("dosc")));

        Assert.Contains("'dosc'", error.Message, StringComparison.Ordinal);
        Assert.Contains("api, developer-exception-page, docs, html, scalar, swagger-ui", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_only_mode_reports_without_blocking_and_a_policy_can_opt_out()
    {
        await using var app = await TestApp.StartAsync(
            o =>
            {
                o.CspReportOnly = true;
                o.Policies["enforced"] = new SecurityHeaderPolicy { CspReportOnly = false };
            },
            a =>
            {
                a.MapGet("/", () => Results.Ok());
                a.MapGet("/enforced", () => Results.Ok()).WithSecurityHeaders("enforced");
            });
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var enforced = await client.GetAsync(new Uri("/enforced", UriKind.Relative));

        Assert.Null(HeaderAssert.Get(response, "Content-Security-Policy"));
        Assert.Equal(HeaderAssert.ApiCsp, HeaderAssert.Get(response, "Content-Security-Policy-Report-Only"));
        Assert.Equal(HeaderAssert.ApiCsp, HeaderAssert.Get(enforced, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Every_header_is_configurable_from_configuration_and_an_empty_value_sends_none()
    {
        await using var app = await TestApp.StartAsync(
            null,
            a =>
            {
                a.MapGet("/", () => Results.Ok());
                a.MapGet("/docs", () => Results.Ok()).WithSecurityHeaders("DOCS");
            },
            setup: b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ProductionReady:SecurityHeaders:Policies:docs:XFrameOptions"] = "SAMEORIGIN",
                ["ProductionReady:SecurityHeaders:Api:ReferrerPolicy"] = "same-origin",
                ["ProductionReady:SecurityHeaders:Api:ContentSecurityPolicy"] = "default-src 'none'; frame-ancestors 'self'",
                ["ProductionReady:SecurityHeaders:Api:XFrameOptions"] = "SAMEORIGIN",
                ["ProductionReady:SecurityHeaders:Api:PermissionsPolicy"] = "",
                ["ProductionReady:SecurityHeaders:Api:CrossOriginEmbedderPolicy"] = "require-corp",
                ["ProductionReady:SecurityHeaders:CspReports:Enabled"] = "false",
            }));

        using var response = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        using var docs = await app.CreateClient().GetAsync(new Uri("/docs", UriKind.Relative));

        Assert.Equal("SAMEORIGIN", HeaderAssert.Get(docs, "X-Frame-Options"));
        Assert.Equal("same-origin", HeaderAssert.Get(docs, "Referrer-Policy"));
        Assert.Equal("default-src 'none'; frame-ancestors 'self'", HeaderAssert.Get(response, "Content-Security-Policy"));
        Assert.Equal("SAMEORIGIN", HeaderAssert.Get(response, "X-Frame-Options"));
        Assert.Equal("require-corp", HeaderAssert.Get(response, "Cross-Origin-Embedder-Policy"));
        Assert.Null(HeaderAssert.Get(response, "Permissions-Policy"));
        Assert.Null(HeaderAssert.Get(response, "Reporting-Endpoints"));
        Assert.Equal("nosniff", HeaderAssert.Get(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Turned_off_adds_and_removes_nothing()
    {
        await using var app = await TestApp.StartAsync(o => o.Enabled = false, a => a.MapGet("/", (HttpContext c) =>
        {
            c.Response.Headers["X-Powered-By"] = "me";
            return Results.Ok();
        }));

        using var response = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Null(HeaderAssert.Get(response, "Content-Security-Policy"));
        Assert.Equal("me", HeaderAssert.Get(response, "X-Powered-By"));
    }

    [Fact]
    public void Using_the_middleware_without_registering_it_says_what_to_call()
    {
        var builder = WebApplication.CreateBuilder();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.UseProductionReadySecurityHeaders());

        Assert.Contains("AddProductionReadySecurityHeaders()", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default-src 'self'; script-src 'self' 'nonce-{nonce}' 'strict-dynamic'; object-src 'none'", "default-src 'self'; script-src 'self'; object-src 'none'")]
    [InlineData("script-src 'nonce-{nonce}' 'strict-dynamic'", "script-src 'none'")]
    [InlineData("script-src 'nonce-{nonce}' 'sha256-abc=' 'strict-dynamic'", "script-src 'sha256-abc=' 'strict-dynamic'")]
    [InlineData("default-src 'none'", "default-src 'none'")]
    public void Without_a_nonce_the_nonce_and_unanchored_strict_dynamic_are_dropped(string template, string expected) =>
        Assert.Equal(expected, ProductionReady.SecurityHeaders.CompiledHeaderSet.WithoutNonce(template));

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex NonceInPage();
}
