using System.Net;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>The harness itself: the sample starts as a real process, serves, and stops on SIGTERM.</summary>
public sealed class SampleProcessTests
{
    [Fact]
    public async Task Sample_starts_serves_and_exits_zero_on_sigterm()
    {
        await using var sample = SampleProcess.Start();
        await sample.WaitUntilListeningAsync();

        using var client = new HttpClient { BaseAddress = sample.BaseAddress };
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        sample.SendSigterm();
        Assert.Equal(0, await sample.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }
}
