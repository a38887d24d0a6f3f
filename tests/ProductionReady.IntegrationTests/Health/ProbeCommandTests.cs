using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Health;

/// <summary>
/// <c>--probe live|ready|startup</c> as a container HEALTHCHECK would run it: a second process of
/// the sample's own entry point, pointed at the first by the same URL configuration.
/// </summary>
public sealed class ProbeCommandTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_probe_exits_0_against_a_healthy_instance_without_starting_a_second_server()
    {
        await using var sample = SampleProcess.Start();
        await sample.WaitUntilReadyAsync();
        var sameUrls = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = sample.BaseAddress.ToString() };

        foreach (var probe in new[] { "live", "ready", "startup" })
        {
            var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(sameUrls, ExitTimeout, "--probe", probe);

            Assert.True(exitCode == 0, $"--probe {probe} exited {exitCode}.\nstdout:\n{stdout}\nstderr:\n{stderr}");
            Assert.Contains($"{probe}: 200 OK from {sample.BaseAddress}health/{probe}", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("Now listening", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_port_comes_from_http_ports_or_from_urls_on_the_command_line()
    {
        var port = FreePort.Next();
        var httpPorts = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = null, ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var sample = SampleProcess.Start(httpPorts);
        await WaitForReadyAsync(new Uri($"http://127.0.0.1:{port}/health/ready"));

        var (fromHttpPorts, _, stderr1) = await SampleProcess.RunToExitAsync(httpPorts, ExitTimeout, "--probe", "ready");
        var (fromUrlsArgument, _, stderr2) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = null }, ExitTimeout, "--probe", "ready", "--urls", $"http://127.0.0.1:{port}");

        Assert.True(fromHttpPorts == 0, stderr1);
        Assert.True(fromUrlsArgument == 0, stderr2);
    }

    [Fact]
    public async Task Nothing_listening_exits_1_saying_so()
    {
        var nobody = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}" };

        var (exitCode, _, stderr) = await SampleProcess.RunToExitAsync(nobody, ExitTimeout, "--probe", "live");

        Assert.Equal(1, exitCode);
        // An instant refusal is said as such, not as a timeout.
        Assert.Contains("refused the connection: nothing listens on port", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("no answer", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hung_instance_makes_the_probe_exit_1_after_its_timeout_instead_of_hanging()
    {
        await using var sample = SampleProcess.Start();
        await sample.WaitUntilReadyAsync();
        sample.Freeze(true);
        try
        {
            var env = new Dictionary<string, string?>
            {
                ["ASPNETCORE_URLS"] = sample.BaseAddress.ToString(),
                ["ProductionReady__Health__ProbeCommandTimeout"] = "00:00:02",
            };

            var (exitCode, _, stderr) = await SampleProcess.RunToExitAsync(env, ExitTimeout, "--probe", "live");

            Assert.Equal(1, exitCode);
            Assert.Contains("within 2 s", stderr, StringComparison.Ordinal);
        }
        finally
        {
            sample.Freeze(false);
        }
    }

    [Fact]
    public async Task An_unknown_probe_exits_1_with_usage()
    {
        var (exitCode, _, stderr) = await SampleProcess.RunToExitAsync(null, ExitTimeout, "--probe", "healthy");

        Assert.Equal(1, exitCode);
        Assert.Contains("use --probe live, --probe ready or --probe startup", stderr, StringComparison.Ordinal);
    }

    private static async Task WaitForReadyAsync(Uri uri)
    {
        using var client = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var response = await client.GetAsync(uri);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{uri} never answered 200.");
    }
}
