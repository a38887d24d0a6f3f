using Microsoft.Playwright;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// A page of a running app opened in headless Chromium, with its CSP violations counted three ways: the page's
/// <c>securitypolicyviolation</c> events, Chromium's console, and the app's own <c>/csp-reports</c> log.
/// </summary>
internal sealed class ChromiumVisit : IAsyncDisposable
{
    /// <summary>Runs before any script of the page (and outside its CSP): collects the violations the page sees.</summary>
    private const string ViolationCollector = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private readonly ChildProcess _app;
    private readonly List<string> _problems;
    private readonly int _reportsBefore;
    private readonly bool _failedLoads;

    private ChromiumVisit(ChildProcess app, IPage page, IResponse response, List<string> problems, int reportsBefore, bool failedLoads)
    {
        _app = app;
        Page = page;
        Response = response;
        _problems = problems;
        _reportsBefore = reportsBefore;
        _failedLoads = failedLoads;
    }

    public IPage Page { get; }

    public IResponse Response { get; }

    /// <summary>
    /// Opens <paramref name="path"/> of <paramref name="app"/> and waits for the network to be idle; with
    /// <paramref name="failedLoads"/>, a response of 400 or more to any of the page's requests counts as a problem too.
    /// </summary>
    public static async Task<ChromiumVisit> OpenAsync(IBrowserContext browser, ChildProcess app, string path, int expectStatus = 200, bool failedLoads = false)
    {
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (problems)
                {
                    problems.Add(message.Text);
                }
            }
        };
        if (failedLoads)
        {
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                {
                    lock (problems)
                    {
                        problems.Add($"{response.Status} for {response.Url}");
                    }
                }
            };
        }

        await page.AddInitScriptAsync(ViolationCollector);
        var reportsBefore = CspReportsLogged(app);
        var response = await page.GotoAsync(app.Origin + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.NotNull(response);
        Assert.Equal(expectStatus, response.Status);
        return new ChromiumVisit(app, page, response, problems, reportsBefore, failedLoads);
    }

    /// <summary>The violations the page saw and Chromium's console lines about the CSP (and failed loads, when counted).</summary>
    public async Task<IReadOnlyList<string>> ViolationsAsync()
    {
        var seen = await Page.EvaluateAsync<string[]>("() => window.__cspViolations");
        lock (_problems)
        {
            return [.. seen, .. _problems];
        }
    }

    /// <summary>
    /// Zero violations, proven by a later event rather than a pause: a violation of our own (an image from an origin
    /// the page's img-src never allows), then its report in the app's log. Chromium sends each report as the violation
    /// happens (report-uri), so by then any earlier violation's report has been logged too; and the count cannot be
    /// zero because reports never reach the app.
    /// </summary>
    public async Task AssertNoViolationsAsync()
    {
        var marker = $"127.0.0.1:{FreePort.Next()}";
        await Page.EvaluateAsync("src => { new Image().src = src; }", $"http://{marker}/csp-marker.png");
        await _app.WaitForLineAsync(l => l.Contains("CSP violation", StringComparison.Ordinal) && l.Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var violations = (await ViolationsAsync()).Where(v => !v.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(violations.Count == 0, $"CSP violations{(_failedLoads ? " or failed loads" : string.Empty)} on {Page.Url}:\n{string.Join('\n', violations)}");
        var reported = CspReportsLogged(_app) - _reportsBefore - 1;
        Assert.True(reported == 0, $"{reported} CSP violation report(s) logged by the app besides the marker's:\n{_app.Output}");
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();

    private static int CspReportsLogged(ChildProcess app) =>
        app.Output.Split('\n').Count(l => l.Contains("CSP violation", StringComparison.Ordinal));
}
