using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// The rate-limit presets on the real <c>webapp</c>, <c>mvc</c> and <c>webapp --auth Individual</c> templates built
/// from the packed package, which call <c>app.UseRouting()</c> after <c>app.UseProductionReady()</c>: an
/// <c>[EnableRateLimiting("auth")]</c> page or action is limited, and Identity's POSTs (the Identity UI and
/// <c>MapIdentityApi</c> under an app prefix) get the <c>auth</c> preset without code, GETs never. Each test calls
/// from a loopback address of its own, so the per-client budgets of one test never meet another's.
/// </summary>
[Collection(PackedTemplateAppsGroup.Name)]
public sealed partial class TemplateAppRateLimitTests
{
    // auth: 5/s with a burst of 5, so a fresh client has 10 at once; a client sending faster than 5/s meets a 429.
    private const int AuthBudget = 10;
    private const int Bursts = 5;

    private readonly PackedTemplateApps _apps;

    public TemplateAppRateLimitTests(PackedTemplateApps apps) => _apps = apps;

    [Fact]
    public async Task Razor_pages_template_page_with_enable_rate_limiting_gets_429_though_use_routing_comes_after_use_production_ready()
    {
        using var client = LoopbackClient.From("127.0.0.21", new Uri(_apps.Razor.Origin));

        await AssertLimitedAsync(() => client.PostAsync("/Login", content: null), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Mvc_template_action_with_enable_rate_limiting_gets_429_though_use_routing_comes_after_use_production_ready()
    {
        using var client = LoopbackClient.From("127.0.0.22", new Uri(_apps.Mvc.Origin));

        await AssertLimitedAsync(() => client.PostAsync("/login", content: null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Identity_ui_wrong_password_posts_get_429_after_the_auth_budget_while_the_login_page_itself_is_never_limited()
    {
        using var client = LoopbackClient.From("127.0.0.23", new Uri(_apps.Identity.Origin));
        var token = await AntiforgeryTokenAsync(client);

        await AssertLimitedAsync(() => client.PostAsync("/Identity/Account/Login", WrongPassword(token)), HttpStatusCode.OK);

        // The budget is spent: the page itself still answers, every time.
        for (var i = 0; i < 30; i++)
        {
            using var page = await client.GetAsync("/Identity/Account/Login");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task Identity_api_under_an_app_prefix_gets_429_after_the_auth_budget()
    {
        using var client = LoopbackClient.From("127.0.0.24", new Uri(_apps.Identity.Origin));

        await AssertLimitedAsync(
            () => client.PostAsync("/api/account/login", Json("""{ "email": "nobody@example.com", "password": "not-the-password" }""")),
            HttpStatusCode.Unauthorized);

        // Not only the login: the password reset request, from a client of its own.
        using var other = LoopbackClient.From("127.0.0.26", new Uri(_apps.Identity.Origin));
        await AssertLimitedAsync(() => other.PostAsync("/api/account/forgotPassword", Json("""{ "email": "nobody@example.com" }""")), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Identity_ui_posts_are_not_limited_when_the_identity_switch_is_off()
    {
        var app = await _apps.StartAgainAsync(_apps.Identity, "Development", new Dictionary<string, string>
        {
            ["ProductionReady__RateLimits__Identity"] = "false",
        });
        using var client = LoopbackClient.From("127.0.0.25", new Uri(app.Origin));
        var token = await AntiforgeryTokenAsync(client);

        // Three times the budget at once, as the limited test sends it: none refused.
        var responses = await Task.WhenAll(Enumerable.Range(0, 3 * AuthBudget).Select(_ => client.PostAsync("/Identity/Account/Login", WrongPassword(token))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    /// <summary>
    /// Sends bursts of twice the budget at once until one holds a 429 (at most <see cref="Bursts"/>): at least the
    /// budget answered <paramref name="answered"/>, the rest 429 from the <c>auth</c> preset with <c>Retry-After</c>.
    /// At once, because the limiter counts arrivals: a client that waits for each answer on a busy machine may be
    /// slower than the 5/s the budget refills at, and rightly never limited.
    /// </summary>
    private static async Task AssertLimitedAsync(Func<Task<HttpResponseMessage>> send, HttpStatusCode answered)
    {
        var statuses = new List<int>();
        for (var burst = 0; burst < Bursts && !statuses.Contains(429); burst++)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 2 * AuthBudget).Select(_ => send()));
            foreach (var response in responses)
            {
                using (response)
                {
                    statuses.Add((int)response.StatusCode);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {response.Headers.RetryAfter}");
                        // Read as JSON: the writer may escape the quotes (\u0027), which is the same string.
                        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                        Assert.Contains("The 'auth' rate limit was reached", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
                    }
                }
            }
        }

        var summary = string.Join(",", statuses);
        Assert.True(statuses.Contains(429), $"no 429 in {statuses.Count} requests: {summary}");
        Assert.True(statuses.Count(s => s == (int)answered) >= AuthBudget, $"fewer than the budget of {AuthBudget} answered: {summary}");
        Assert.All(statuses, s => Assert.True(s == (int)answered || s == 429, $"unexpected {s}: {summary}"));
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Identity/Account/Login");
        return AntiforgeryField().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the login page:\n" + page);
    }

    private static FormUrlEncodedContent WrongPassword(string token) => new(new Dictionary<string, string>
    {
        ["Input.Email"] = "nobody@example.com",
        ["Input.Password"] = "not-the-password",
        ["__RequestVerificationToken"] = token,
    });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)" """)]
    private static partial Regex AntiforgeryField();
}
