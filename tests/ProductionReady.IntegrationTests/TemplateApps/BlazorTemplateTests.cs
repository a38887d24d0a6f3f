using System.Text.Json;
using Microsoft.Playwright;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// <c>dotnet new blazor</c> (interactive server) with the two lines and the README's Blazor recipe, published and
/// run in Production, in a real headless Chromium: the template's pages and a nested route load every file and
/// report zero CSP violations (the page's <c>securitypolicyviolation</c> events, Chromium's console, the app's own
/// <c>/csp-reports</c> log), the circuit's WebSocket makes the pages interactive, and the circuit is not logged
/// as a slow request.
/// </summary>
[Collection(PackedServiceShapesGroup.Name)]
public sealed class BlazorTemplateTests
{
    /// <summary>Every stylesheet link loaded a sheet with rules (a 404'd one has no readable rules).</summary>
    private const string StylesheetsLoaded = """
        () => [...document.querySelectorAll('link[rel=stylesheet]')].every(l => {
            try { return l.sheet !== null && l.sheet.cssRules.length > 0; } catch { return false; }
        })
        """;

    private readonly PackedServiceShapes _shapes;

    public BlazorTemplateTests(PackedServiceShapes shapes) => _shapes = shapes;

    [Theory]
    [InlineData("/")]
    [InlineData("/weather")]
    [InlineData("/orders/42")]
    public async Task Template_pages_and_a_nested_route_load_with_zero_csp_violations(string path)
    {
        await using var visit = await VisitAsync(path);

        Assert.True(await visit.Page.EvaluateAsync<bool>(StylesheetsLoaded), "a stylesheet did not load");
        Assert.True(await visit.Page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"), "blazor.web.js did not run");
        Assert.Contains("base-uri 'self'", await visit.Response.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await visit.AssertNoViolationsAsync();
    }

    [Theory]
    [InlineData("/counter", "Current count: ")]
    [InlineData("/orders/42", "Clicks: ")]
    public async Task The_circuit_makes_the_page_interactive_and_is_not_a_slow_request(string path, string label)
    {
        var circuitsBefore = CircuitEvents().Count;
        await using (var visit = await VisitAsync(path))
        {
            await ClickUntilCountedAsync(visit.Page, label);
            await visit.AssertNoViolationsAsync();
        }

        // Closing the page ends the circuit's WebSocket: its one completion event, 101 after the circuit's lifetime,
        // which is far above the fixture's 1 ms slow-request threshold.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (CircuitEvents().Count <= circuitsBefore && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var circuits = CircuitEvents();
        Assert.True(circuits.Count > circuitsBefore, "no completion event for the circuit's WebSocket:\n" + _shapes.Blazor.Output);
        Assert.All(circuits, c => Assert.Equal("Information", c.Level));
    }

    /// <summary>Clicks until the count moves: a click before the circuit is up is rendered HTML without a handler.</summary>
    private static async Task ClickUntilCountedAsync(IPage page, string label)
    {
        var status = page.Locator("[role=status]");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await page.ClickAsync("button.btn-primary");
            try
            {
                await page.WaitForFunctionAsync(
                    "label => !document.querySelector('[role=status]').textContent.endsWith(label + '0')", label, new() { Timeout = 2_000 });
                Assert.StartsWith(label, (await status.TextContentAsync())?.Trim(), StringComparison.Ordinal);
                return;
            }
            catch (TimeoutException)
            {
                // Not interactive yet: the circuit is still connecting.
            }
        }

        Assert.Fail($"The button never counted (no interactive circuit): {await status.TextContentAsync()}\n{await page.ContentAsync()}");
    }

    private List<(string Level, int Status)> CircuitEvents()
    {
        var events = new List<(string, int)>();
        foreach (var line in _shapes.Blazor.Output.Split('\n'))
        {
            if (!line.StartsWith('{') || !line.Contains("/_blazor", StringComparison.Ordinal))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("RequestPath", out var requestPath) && requestPath.GetString() == "/_blazor" &&
                root.TryGetProperty("StatusCode", out var status) && status.GetInt32() == 101)
            {
                events.Add((root.TryGetProperty("@l", out var level) ? level.GetString()! : "Information", 101));
            }
        }

        return events;
    }

    private Task<ChromiumVisit> VisitAsync(string path) => ChromiumVisit.OpenAsync(_shapes.Browser, _shapes.Blazor, path, failedLoads: true);
}
