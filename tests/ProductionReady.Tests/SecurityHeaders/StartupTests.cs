using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Testing;
using ProductionReady;

namespace ProductionReady.Tests.SecurityHeaders;

/// <summary>Validation, the startup log, the Production warning, the tag helper and the two-line setup.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Invalid_options_stop_the_app_at_startup_naming_each_setting()
    {
        var error = await Assert.ThrowsAsync<ProductionReadyConfigurationException>(() => TestApp.StartAsync(
            o =>
            {
                o.Api.XFrameOptions = "DENY\r\nSet-Cookie: x=1";
                o.Html.ContentSecurityPolicy = "script-src {nonce}";
                o.Policies["docs"] = new SecurityHeaderPolicy { ReferrerPolicy = "sans-référent" };
                o.Policies["html"] = new SecurityHeaderPolicy();
                o.CspReports.Path = "csp";
                o.CspReports.PermitsPerMinute = 0;
                o.CspReports.ReportingEndpointUrl = "/relative";
                o.Hsts.MaxAge = TimeSpan.FromSeconds(-1);
                o.PathPolicies["swagger"] = ProductionReadySecurityHeadersOptions.SwaggerUiPolicyName;
                o.PathPolicies["/docs"] = "swager-ui";
            },
            a => a.MapGet("/", () => "x")));

        // The one startup report: each problem as "key: message".
        var message = string.Join("\n", error.Problems).Replace(": ", " ", StringComparison.Ordinal);
        Assert.Contains("ProductionReady:SecurityHeaders:Api:XFrameOptions has a line break", message, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:SecurityHeaders:Html:ContentSecurityPolicy uses {nonce} outside", message, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:SecurityHeaders:Policies:docs:ReferrerPolicy", message, StringComparison.Ordinal);
        Assert.Contains("Policies:html uses a built-in profile's name", message, StringComparison.Ordinal);
        Assert.Contains("CspReports:Path ('csp')", message, StringComparison.Ordinal);
        Assert.Contains("PermitsPerMinute (0)", message, StringComparison.Ordinal);
        Assert.Contains("ReportingEndpointUrl ('/relative')", message, StringComparison.Ordinal);
        Assert.Contains("Hsts:MaxAge is negative", message, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:SecurityHeaders:PathPolicies has the prefix 'swagger', which is not a path", message, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:SecurityHeaders:PathPolicies /docs names the policy 'swager-ui', which is not defined", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_inline_endpoint_policy_is_refused_where_it_is_declared()
    {
        var builder = WebApplication.CreateBuilder();
        using var app = builder.Build();

        var error = Assert.Throws<ArgumentException>(() => app.MapGet("/", () => "x").WithSecurityHeaders(p => p.ReferrerPolicy = "no-referrer\n"));

        Assert.Contains("WithSecurityHeaders:ReferrerPolicy has a line break", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Effective_policy_is_one_short_information_line_with_every_value_at_debug()
    {
        await using var app = await TestApp.StartAsync(o => o.Policies["docs"] = new SecurityHeaderPolicy { XFrameOptions = "SAMEORIGIN" }, a => a.MapGet("/", () => "x"));
        using var client = app.CreateClient();
        using var _ = await client.GetAsync(new Uri("/", UriKind.Relative));

        var information = app.Logs.GetSnapshot().Where(e => e.Category == "ProductionReady.SecurityHeaders" && e.Level >= LogLevel.Information).ToList();
        var summary = Assert.Single(information);
        Assert.Equal("SecurityHeadersPolicy", summary.Id.Name);
        Assert.True(summary.Message.Length < 400, $"{summary.Message.Length} characters: {summary.Message}");
        Assert.Contains("API and HTML profiles (policies docs)", summary.Message, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy, X-Content-Type-Options, X-Frame-Options", summary.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("default-src", summary.Message, StringComparison.Ordinal);

        var policies = app.Logs.GetSnapshot().Where(e => e.Id.Name == "SecurityHeadersPolicyValues").ToList();
        Assert.All(policies, e => Assert.Equal(LogLevel.Debug, e.Level));
        var api = policies.Single(e => e.GetStructuredStateValue("Policy") == "default" && e.GetStructuredStateValue("Profile") == "API");
        Assert.Contains("Content-Security-Policy: " + HeaderAssert.ApiCsp, api.GetStructuredStateValue("Headers")!, StringComparison.Ordinal);
        Assert.Contains(policies, e => e.GetStructuredStateValue("Policy") == "docs" && e.GetStructuredStateValue("Headers")!.Contains("X-Frame-Options: SAMEORIGIN", StringComparison.Ordinal));
        var transport = Assert.Single(app.Logs.GetSnapshot(), e => e.Id.Name == "SecurityHeadersTransport");
        Assert.Equal("max-age=63072000; includeSubDomains", transport.GetStructuredStateValue("Hsts"));
        Assert.Equal("localhost", transport.GetStructuredStateValue("ExcludedHosts"));
        Assert.Equal("/csp-reports", transport.GetStructuredStateValue("ReportPath"));
    }

    [Fact]
    public async Task Production_without_https_redirection_or_trusted_proxy_warns_once()
    {
        await using var bare = await TestApp.StartAsync(null, a => a.MapGet("/", () => "x"), environment: "Production");
        await using var proxied = await TestApp.StartAsync(null, a => a.MapGet("/", () => "x"), environment: "Production", setup: b => b.AddProductionReadyForwardedHeaders(o => o.TrustedProxies.Add("10.0.0.1")));
        await using var redirected = await TestApp.StartAsync(null, a => a.MapGet("/", () => "x"), environment: "Production", setup: b => b.Services.AddHttpsRedirection(o => o.HttpsPort = 443));
        await using var development = await TestApp.StartAsync(null, a => a.MapGet("/", () => "x"));

        var warning = Assert.Single(bare.Logs.GetSnapshot(), e => e.Id.Name == "NoHttpsInProduction");
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("TrustedProxies", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(proxied.Logs.GetSnapshot(), e => e.Id.Name == "NoHttpsInProduction");
        Assert.DoesNotContain(redirected.Logs.GetSnapshot(), e => e.Id.Name == "NoHttpsInProduction");
        Assert.DoesNotContain(development.Logs.GetSnapshot(), e => e.Id.Name == "NoHttpsInProduction");
    }

    [Fact]
    public void Tag_helper_puts_the_request_nonce_on_the_element_and_drops_its_marker()
    {
        var httpContext = new DefaultHttpContext();
        var helper = new CspNonceTagHelper
        {
            ViewContext = new Microsoft.AspNetCore.Mvc.Rendering.ViewContext { HttpContext = httpContext },
        };
        var context = new TagHelperContext([new TagHelperAttribute("csp-nonce")], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("script", [new TagHelperAttribute("csp-nonce")], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));

        helper.Process(context, output);

        Assert.False(output.Attributes.ContainsName("csp-nonce"));
        Assert.Equal(httpContext.GetCspNonce(), output.Attributes["nonce"].Value);
    }

    [Fact]
    public void Tag_helper_nonces_every_script_and_style_of_a_view_unless_opted_out()
    {
        var httpContext = new DefaultHttpContext();
        var helper = new CspNonceTagHelper { ViewContext = new Microsoft.AspNetCore.Mvc.Rendering.ViewContext { HttpContext = httpContext } };
        TagHelperOutput Run(string tag, params TagHelperAttribute[] attributes)
        {
            var output = new TagHelperOutput(tag, [.. attributes], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
            helper.Process(new TagHelperContext([.. attributes], new Dictionary<object, object>(), "id"), output);
            return output;
        }

        var src = Run("script", new TagHelperAttribute("src", "/lib/jquery/dist/jquery.min.js"));
        var importMap = Run("script", new TagHelperAttribute("type", "importmap"));
        var style = Run("style");
        var optedOut = Run("script", new TagHelperAttribute("csp-nonce", "false"));
        var own = Run("script", new TagHelperAttribute("nonce", "mine"));

        var nonce = httpContext.GetCspNonce();
        Assert.Equal(nonce, src.Attributes["nonce"].Value);
        Assert.Equal(nonce, importMap.Attributes["nonce"].Value);
        Assert.Equal(nonce, style.Attributes["nonce"].Value);
        Assert.False(optedOut.Attributes.ContainsName("nonce"));
        Assert.False(optedOut.Attributes.ContainsName("csp-nonce"));
        Assert.Equal("mine", own.Attributes["nonce"].Value);
    }

    [Fact]
    public async Task The_two_lines_of_the_sample_put_the_api_profile_on_its_root()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        HeaderAssert.HasApiProfile(response);
    }

    [Fact]
    public async Task Registering_twice_is_harmless_and_the_same_configure_runs_once()
    {
        var calls = 0;
        void Configure(ProductionReadySecurityHeadersOptions o)
        {
            calls++;
            o.Api.XFrameOptions = "SAMEORIGIN";
        }

        await using var app = await TestApp.StartAsync(
            Configure,
            a => a.MapGet("/", () => "x"),
            setup: b =>
            {
                b.AddProductionReadySecurityHeaders(Configure);
                b.AddProductionReadySecurityHeaders();
            });
        using var response = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        // One options instance built: the delegate ran once for it.
        var before = calls;
        _ = app.Services.GetRequiredService<IOptionsFactory<ProductionReadySecurityHeadersOptions>>().Create(Options.DefaultName);
        Assert.Equal(1, calls - before);
        Assert.Equal("SAMEORIGIN", HeaderAssert.Get(response, "X-Frame-Options"));
        Assert.Single(app.Services.GetServices<IValidateOptions<ProductionReadySecurityHeadersOptions>>());
        Assert.Single(app.Services.GetServices<IConfigureOptions<ProductionReadySecurityHeadersOptions>>(), c => c.GetType().Name.StartsWith("CodeConfiguration", StringComparison.Ordinal));
        Assert.Single(app.Services.GetServices<Microsoft.AspNetCore.Hosting.IStartupFilter>(), f => f is ProductionReady.SecurityHeaders.SecurityHeadersPipeline);
        Assert.Single(app.Logs.GetSnapshot(), e => e.Id.Name == "SecurityHeadersPolicy");
    }
}
