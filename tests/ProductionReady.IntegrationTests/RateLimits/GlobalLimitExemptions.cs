using System.Net;
using System.Text;

namespace ProductionReady.IntegrationTests.RateLimits;

/// <summary>
/// The global limit's promise, asked of a running app by a client with a budget of its own: ordinary requests past
/// the budget get 429; the probes and the CSP report endpoint never do.
/// </summary>
internal static class GlobalLimitExemptions
{
    /// <summary>
    /// Sends <paramref name="ordinary"/> GETs to <c>/</c> (some must be rejected), then <paramref name="rounds"/> rounds
    /// of a GET to each of <paramref name="probes"/> (each 200) and a CSP report (never 429).
    /// </summary>
    public static async Task AssertOnlyOrdinaryRequestsAreLimitedAsync(HttpClient client, int ordinary, int rounds, params string[] probes)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ordinary; i++)
        {
            statuses.Add((await client.GetAsync("/")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        for (var i = 0; i < rounds; i++)
        {
            foreach (var probe in probes)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(probe)).StatusCode);
            }

            using var report = await client.PostAsync("/csp-reports", new StringContent("{\"csp-report\":{\"blocked-uri\":\"inline\"}}", Encoding.UTF8, "application/csp-report"));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, report.StatusCode);
        }
    }
}
