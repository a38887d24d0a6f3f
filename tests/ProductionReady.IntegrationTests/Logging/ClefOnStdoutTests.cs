using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Logging;

/// <summary>The sample as a real process in Production: what reaches stdout is CLEF, line by line, completely.</summary>
public sealed class ClefOnStdoutTests
{
    private static Dictionary<string, string?> Production(params (string Key, string? Value)[] extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",

            // The sample requires a strong API key in Production; generated per run, never committed.
            ["Sample__ApiKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(36)),
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    [Fact]
    public async Task Production_stdout_is_clef_every_request_is_logged_once_and_sigterm_flushes()
    {
        var environment = Production();
        await using var sample = SampleProcess.Start(environment);
        await sample.WaitUntilListeningAsync();
        using var client = new HttpClient { BaseAddress = sample.BaseAddress };

        // A caller's id is kept and echoed; a malformed one is replaced and never written.
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/"))
        {
            request.Headers.Add("X-Request-ID", "caller-id-1");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("caller-id-1", response.Headers.GetValues("X-Request-ID").Single());
        }

        const string malformed = "bad \"id\" <script>";
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/missing"))
        {
            request.Headers.TryAddWithoutValidation("X-Request-ID", malformed);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Request-ID").Single());
        }

        // Many concurrent requests: each one's completion event reaches stdout.
        var ids = Enumerable.Range(0, 400).Select(i => $"load-{i}").ToList();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/");
                request.Headers.Add("X-Request-ID", id);
                (await client.SendAsync(request)).EnsureSuccessStatusCode();
            }
            finally
            {
                gate.Release();
            }
        }));

        sample.SendSigterm();
        Assert.Equal(0, await sample.WaitForExitAsync(TimeSpan.FromSeconds(30)));

        var events = ParseEveryLine(sample.StdoutLines);
        var completions = events.Where(e => e.TryGetProperty("StatusCode", out _)).ToList();
        Assert.Equal(ids.Count + 2, completions.Count);
        Assert.Equal(
            ids.Append("caller-id-1").Order(StringComparer.Ordinal),
            completions.Select(e => e.GetProperty("RequestId").GetString()!).Where(id => !id.All(char.IsAsciiHexDigitLower)).Order(StringComparer.Ordinal));
        Assert.All(completions, e =>
        {
            Assert.Equal("ProductionReady.Sample", e.GetProperty("ServiceName").GetString());
            Assert.Equal("Production", e.GetProperty("Environment").GetString());
            Assert.Matches("^[0-9a-f]{32}$", e.GetProperty("@tr").GetString());
            Assert.Matches("^[0-9a-f]{16}$", e.GetProperty("@sp").GetString());
        });

        var notFound = Assert.Single(completions, e => e.GetProperty("StatusCode").GetInt32() == 404);
        Assert.Equal("/missing", notFound.GetProperty("RequestPath").GetString());
        Assert.DoesNotContain("<script>", sample.Stdout, StringComparison.Ordinal);

        // Shutdown is logged too: the last events were flushed before the process ended.
        Assert.Contains(events, e => e.GetProperty("@mt").GetString() == "Application is shutting down...");
        Assert.DoesNotContain(environment["Sample__ApiKey"]!, sample.Stdout + sample.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", sample.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_startup_reaches_stdout_as_clef_before_the_process_ends()
    {
        var (exitCode, stdout, _) = await SampleProcess.RunToExitAsync(
            Production(("ProductionReady__Logging__SlowRequestThreshold", "-00:00:01")),
            TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        var events = ParseEveryLine(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // The startup report of refused settings: one event, naming the key, with what to do.
        var failure = Assert.Single(events, e => e.TryGetProperty("Report", out var report) && report.GetString()!.Contains("ProductionReady:Logging:SlowRequestThreshold\n     must be positive", StringComparison.Ordinal));
        Assert.True(failure.TryGetProperty("@l", out var level) && level.GetString() is "Error" or "Fatal");
    }

    [Fact]
    public async Task An_unhandled_exception_that_ends_the_process_reaches_stdout_as_a_fatal_clef_event()
    {
        var (exitCode, stdout, _) = await SampleProcess.RunToExitAsync(
            Production(
                ("DOTNET_STARTUP_HOOKS", typeof(StartupHook).Assembly.Location),
                ("PRODUCTIONREADY_TEST_CRASH_WHEN_LISTENING_ON", "{port}")),
            TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        var events = ParseEveryLine(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var fatal = Assert.Single(events, e => e.TryGetProperty("@x", out var x) && x.GetString()!.Contains(StartupHook.CrashMessage, StringComparison.Ordinal));
        Assert.Equal("Fatal", fatal.GetProperty("@l").GetString());
        Assert.Contains(events, e => e.GetProperty("@mt").GetString()!.StartsWith("Now listening on", StringComparison.Ordinal));
    }

    private static List<JsonElement> ParseEveryLine(IEnumerable<string> lines) => ClefLines.ParseEvery(lines);
}
