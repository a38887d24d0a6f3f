using System.Net;
using System.Net.Sockets;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Common;

/// <summary>
/// The sample in Production with a management port that would break it: the app's own port (every page and probe
/// would be 404), or a port another process holds (a bind failure). Each exits 1 with the report naming the key,
/// and no stack trace.
/// </summary>
public sealed class PortRefusalTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_management_port_equal_to_the_apps_port_exits_1_with_the_report()
    {
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Sample__ApiKey"] = StrongKey(), ["ProductionReady__Metrics__Port"] = "{port}" },
            ExitTimeout);

        AssertRefused(exitCode, stdout, stderr, "is the only port the app listens on");
    }

    [Fact]
    public async Task A_management_port_another_process_holds_exits_1_with_the_report()
    {
        using var holder = new TcpListener(IPAddress.Any, 0);
        holder.Start();
        var held = ((IPEndPoint)holder.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Sample__ApiKey"] = StrongKey(), ["ProductionReady__Metrics__Port"] = held },
            ExitTimeout);

        AssertRefused(exitCode, stdout, stderr, "is already in use by another process");
    }

    [Fact]
    public async Task The_apps_own_address_another_process_holds_exits_1_with_the_report()
    {
        // A second instance, or another service on the port: Kestrel's bind failure, before this a crash with exit 134.
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";
        var (exitCode, stdout, stderr) = await SampleProcess.RunToExitAsync(
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Sample__ApiKey"] = StrongKey(), ["ASPNETCORE_URLS"] = address },
            ExitTimeout);

        var output = $"exit {exitCode}\nstdout:\n{stdout}\nstderr:\n{stderr}";
        Assert.True(exitCode == 1, output);
        Assert.Contains(address, stderr, StringComparison.Ordinal);
        Assert.Contains("is already in use by another process", stderr, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    // The sample requires its API key in Production; a random one passes the secret validation.
    private static string StrongKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static void AssertRefused(int exitCode, string stdout, string stderr, string reason)
    {
        StartupRefusal.AssertRefused(exitCode, stdout, stderr, "ProductionReady:Metrics:Port", reason);
    }
}
