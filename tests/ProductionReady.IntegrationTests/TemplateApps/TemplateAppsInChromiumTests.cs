using System.Net;
using Microsoft.Playwright;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// The real templates, built against the packed package, in a real headless Chromium: with the two lines
/// and the README's recipes every page works and the browser reports zero CSP violations (counted three
/// ways: the page's <c>securitypolicyviolation</c> events, Chromium's console, and the app's own
/// <c>/csp-reports</c> log). The injection check shows the counting sees a violation when there is one. The Identity
/// template's login page runs in Production, where the Identity UI's own validation scripts come from a CDN.
/// </summary>
[Collection(PackedTemplateAppsGroup.Name)]
public sealed class TemplateAppsInChromiumTests
{
    private readonly PackedTemplateApps _apps;

    public TemplateAppsInChromiumTests(PackedTemplateApps apps) => _apps = apps;

    [Fact]
    public Task Mvc_template_page_with_a_nonced_inline_script_keeps_jquery_bootstrap_and_site_js() =>
        AssertTemplatePageWorksAsync(_apps.Mvc, "/");

    [Fact]
    public Task Razor_pages_template_page_with_a_nonced_inline_script_keeps_jquery_bootstrap_and_site_js() =>
        AssertTemplatePageWorksAsync(_apps.Razor, "/");

    [Fact]
    public async Task Injected_script_on_an_mvc_template_page_is_blocked_while_the_layout_scripts_run()
    {
        var injection = WebUtility.UrlEncode("<script>window.injectedRan = true;</script>");
        await using var visit = await VisitAsync(_apps.Mvc, $"/Home/Privacy?name={injection}");

        Assert.False(await visit.Page.EvaluateAsync<bool>("() => window.injectedRan === true"), "the injected script ran");
        Assert.True(await visit.Page.EvaluateAsync<bool>("() => typeof window.jQuery === 'function' && window.siteJsRan === true"), "the layout's scripts did not run");
        var violations = await visit.ViolationsAsync();
        Assert.True(violations.Count > 0 && violations.All(v => v.Contains("script-src", StringComparison.Ordinal)), "expected only the injection's script-src violation:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task Developer_exception_page_is_styled_and_its_tabs_work()
    {
        await using var visit = await VisitAsync(_apps.Mvc, "/boom", expectStatus: 500);

        // The page's own <style>: body text #222 (Chromium's default is black).
        Assert.Equal("rgb(34, 34, 34)", await visit.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).color"));
        Assert.Equal("none", await visit.Page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('headerspage')).display"));
        await visit.Page.ClickAsync("#headers");
        Assert.NotEqual("none", await visit.Page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('headerspage')).display"));
        Assert.Equal("none", await visit.Page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('stackpage')).display"));
        await visit.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Swagger_ui_renders_the_api_with_the_one_line_preset()
    {
        await using var visit = await VisitAsync(_apps.Swagger, "/swagger/index.html");

        await visit.Page.Locator(".opblock-summary-path", new() { HasText = "/weatherforecast" }).WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(await visit.Page.Locator(".swagger-ui .info .title").IsVisibleAsync(), "Swagger UI did not render its title");
        await visit.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Scalar_renders_the_api_with_the_one_line_preset()
    {
        await using var visit = await VisitAsync(_apps.Scalar, "/scalar/v1");

        await visit.Page.GetByText("/weatherforecast").First.WaitForAsync(new() { Timeout = 30_000 });
        await visit.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Identity_login_page_in_production_validates_on_the_client_with_zero_csp_violations()
    {
        // Published and in Production, as deployed: there the Identity UI's own partial would load jquery-validate
        // from a CDN with an inline fallback.
        var app = await _apps.StartPublishedAsync(_apps.Identity, "Production");
        await using var visit = await VisitAsync(app, "/Identity/Account/Login");

        Assert.True(
            await visit.Page.EvaluateAsync<bool>("() => typeof window.jQuery?.validator === 'function' && typeof window.jQuery.validator.unobtrusive === 'object'"),
            "jquery-validate and its unobtrusive adapter did not load");

        // An empty submit: the message appears and the document is the same one (a POST would have replaced it).
        await visit.Page.EvaluateAsync("() => { window.__samePage = true; }");
        await visit.Page.ClickAsync("#login-submit");
        await visit.Page.Locator("span[data-valmsg-for='Input.Email']", new() { HasText = "The Email field is required." }).WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(await visit.Page.EvaluateAsync<bool>("() => window.__samePage === true"), "the form was posted: validation did not run in the browser");
        await visit.AssertNoViolationsAsync();
    }

    private async Task AssertTemplatePageWorksAsync(ChildProcess app, string path)
    {
        await using var visit = await VisitAsync(app, path);

        var csp = await visit.Response.HeaderValueAsync("content-security-policy");
        Assert.Contains("'nonce-", csp, StringComparison.Ordinal);
        Assert.Equal("ran", await visit.Page.EvaluateAsync<string?>("() => document.documentElement.dataset.inlineScript"));
        Assert.True(await visit.Page.EvaluateAsync<bool>("() => typeof window.jQuery === 'function'"), "jQuery did not load");
        Assert.True(await visit.Page.EvaluateAsync<bool>("() => typeof window.bootstrap === 'object' && typeof window.bootstrap.Collapse === 'function'"), "Bootstrap did not load");
        Assert.True(await visit.Page.EvaluateAsync<bool>("() => window.siteJsRan === true"), "site.js did not run");

        // Bootstrap's stylesheet applied: the navbar is a flex container.
        Assert.Equal("flex", await visit.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('nav.navbar')).display"));
        await visit.AssertNoViolationsAsync();
    }

    private Task<ChromiumVisit> VisitAsync(ChildProcess app, string path, int expectStatus = 200) =>
        ChromiumVisit.OpenAsync(_apps.Browser, app, path, expectStatus);
}
