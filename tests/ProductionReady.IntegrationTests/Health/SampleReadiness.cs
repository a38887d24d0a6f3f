using System.Net;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Health;

/// <summary>Waiting for a sample process to be ready, not merely listening: Kestrel listens before ApplicationStarted fires.</summary>
internal static class SampleReadiness
{
    public static async Task WaitUntilReadyAsync(this SampleProcess sample, TimeSpan? timeout = null)
    {
        await sample.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = sample.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var last = HttpStatusCode.ServiceUnavailable;
        while (DateTime.UtcNow < deadline)
        {
            last = (await client.GetAsync(new Uri(ProductionReadyHealthOptions.DefaultReadyPath, UriKind.Relative))).StatusCode;
            if (last == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The sample's readiness still answers {(int)last}.\nstdout:\n{sample.Stdout}\nstderr:\n{sample.Stderr}");
    }
}
