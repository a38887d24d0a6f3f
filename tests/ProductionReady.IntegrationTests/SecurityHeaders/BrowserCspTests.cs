using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.SecurityHeaders;

/// <summary>
/// The defaults, proven in a real headless Chromium: an injected inline script is blocked while the
/// nonce'd one runs, another origin cannot frame the page, and the violation report reaches the
/// built-in endpoint. Each check has a control (the same page without the headers) so it can fail.
/// </summary>
public sealed class BrowserCspTests : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;
    private string? _profile;

    private IBrowserContext Browser => _browser ?? throw new InvalidOperationException("Chromium did not start.");

    public async Task InitializeAsync()
    {
        _profile = Directory.CreateTempSubdirectory("pr-chromium-").FullName;
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright, _profile);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_profile is not null)
        {
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a file for a moment; a temp dir left behind is harmless.
            }
        }
    }

    /// <summary>
    /// A page that echoes <c>name</c> unencoded (the injection) and runs one nonce'd script, which
    /// reports whether it ran at the top level or framed.
    /// </summary>
    private static void MapPages(WebApplication app, ConcurrentQueue<string> beacons)
    {
        IResult Page(HttpContext context, string? name) => Results.Content(
            $"""
            <!doctype html><html><head><title>page</title></head><body>
            <p>Hello, {name}</p>
            <script nonce="{context.GetCspNonce()}">window.nonceRan = true; fetch('/beacon?where=' + (window.top === window ? 'top' : 'framed'));</script>
            </body></html>
            """,
            "text/html; charset=utf-8");

        app.MapGet("/page", (HttpContext c, string? name) => Page(c, name));
        app.MapGet("/unprotected", (HttpContext c, string? name) => Page(c, name))
            .WithSecurityHeaders(p =>
            {
                p.ContentSecurityPolicy = string.Empty;
                p.XFrameOptions = string.Empty;
            });
        app.MapGet("/beacon", (string where) =>
        {
            beacons.Enqueue(where);
            return Results.NoContent();
        });
    }

    [Fact]
    public async Task Injected_inline_script_is_blocked_the_nonced_script_runs_and_the_violation_is_reported()
    {
        var beacons = new ConcurrentQueue<string>();
        await using var app = await KestrelApp.StartAsync(true, a => MapPages(a, beacons));
        var injection = WebUtility.UrlEncode("<script>window.injectedRan = true;</script>");
        var page = await Browser.NewPageAsync();

        var response = await page.GotoAsync($"{app.Origin}/page?name={injection}");
        var nonceRan = await page.EvaluateAsync<bool>("() => window.nonceRan === true");
        var injectedRan = await page.EvaluateAsync<bool>("() => window.injectedRan === true");

        Assert.NotNull(response);
        Assert.Contains("'nonce-", await response.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        Assert.True(nonceRan, "the nonce'd script did not run");
        Assert.False(injectedRan, "the injected inline script ran despite the CSP");

        var violation = await WaitForAsync(
            () => app.Logs.GetSnapshot().FirstOrDefault(e => e.Id.Name == "CspViolation" && e.GetStructuredStateValue("BlockedUri") == "inline"),
            TimeSpan.FromSeconds(30),
            "no CSP violation report reached /csp-reports");
        Assert.StartsWith("script-src", violation.GetStructuredStateValue("EffectiveDirective"), StringComparison.Ordinal);
        Assert.Equal($"{app.Origin}/page", violation.GetStructuredStateValue("DocumentUri"));

        // Control: the same page without the headers runs the injected script, so the check above can fail.
        await page.GotoAsync($"{app.Origin}/unprotected?name={injection}");
        Assert.True(await page.EvaluateAsync<bool>("() => window.injectedRan === true"), "control: the injection did not run even without a CSP");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_page_on_another_origin_cannot_frame_the_app()
    {
        var beacons = new ConcurrentQueue<string>();
        await using var app = await KestrelApp.StartAsync(true, a => MapPages(a, beacons));
        await using var other = await KestrelApp.StartAsync(false, a => a.MapGet("/frame", (string path) => Results.Content(
            $"<!doctype html><html><body><iframe id=\"f\" src=\"{app.Origin}{path}\"></iframe></body></html>", "text/html")));
        var page = await Browser.NewPageAsync();

        await page.GotoAsync($"{other.Origin}/frame?path=/page", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.GotoAsync($"{other.Origin}/frame?path=/unprotected", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await WaitForAsync(() => beacons.Contains("framed") ? "yes" : null, TimeSpan.FromSeconds(10), "control: the unprotected page did not run when framed");

        // The protected page never ran inside the frame: its one framed beacon would be here first.
        Assert.Equal(["framed"], beacons.ToArray());
        var violation = await WaitForAsync(
            () => app.Logs.GetSnapshot().FirstOrDefault(e => e.Id.Name == "CspViolation" && e.GetStructuredStateValue("EffectiveDirective") == "frame-ancestors"),
            TimeSpan.FromSeconds(30),
            "no frame-ancestors violation report reached /csp-reports");
        // Chromium reports only the origin of a document blocked by frame-ancestors.
        Assert.StartsWith(app.Origin, violation.GetStructuredStateValue("DocumentUri"), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout, string failure)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(failure);
    }
}
