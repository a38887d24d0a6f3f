using System.Diagnostics;
using System.Security.Cryptography;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>
/// A caller that is really remote: a network namespace of its own, joined to this machine by a veth
/// pair with two addresses of a /30 that exists only between the two ends. Traffic never leaves the
/// pair. Needs root (as CI runs); fails loudly when the namespace cannot be made. Disposing removes
/// the namespace and both ends of the pair.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private NetworkNamespace(string name, string hostInterface, string hostAddress, string peerAddress)
    {
        Name = name;
        HostInterface = hostInterface;
        HostAddress = hostAddress;
        PeerAddress = peerAddress;
    }

    public string Name { get; }

    public string HostInterface { get; }

    /// <summary>This machine's end of the pair (listen here to be reachable from the namespace).</summary>
    public string HostAddress { get; }

    /// <summary>The namespace's end: the remote caller's address.</summary>
    public string PeerAddress { get; }

    public static NetworkNamespace Create()
    {
        var id = RandomNumberGenerator.GetHexString(6, lowercase: true);
        var subnet = RandomNumberGenerator.GetInt32(0, 256);
        var block = RandomNumberGenerator.GetInt32(0, 64) * 4;
        var ns = new NetworkNamespace($"prtest-{id}", $"prh{id}", $"10.231.{subnet}.{block + 1}", $"10.231.{subnet}.{block + 2}");
        var peerInterface = $"prn{id}";
        try
        {
            Ip($"netns add {ns.Name}");
            Ip($"link add {ns.HostInterface} type veth peer name {peerInterface}");
            Ip($"link set {peerInterface} netns {ns.Name}");
            Ip($"addr add {ns.HostAddress}/30 dev {ns.HostInterface}");
            Ip($"link set {ns.HostInterface} up");
            Ip($"netns exec {ns.Name} ip addr add {ns.PeerAddress}/30 dev {peerInterface}");
            Ip($"netns exec {ns.Name} ip link set {peerInterface} up");
            Ip($"netns exec {ns.Name} ip link set lo up");
        }
        catch
        {
            ns.Dispose();
            throw;
        }

        return ns;
    }

    /// <summary>Runs a command inside the namespace; returns its exit code and stdout.</summary>
    public (int ExitCode, string Stdout, string Stderr) Exec(string program, params string[] args)
    {
        return Run("ip", ["netns", "exec", Name, program, .. args]);
    }

    public void Dispose()
    {
        // Deleting the namespace destroys its end of the pair, and with it this machine's end.
        Run("ip", ["netns", "del", Name]);
        Run("ip", ["link", "del", HostInterface]);
    }

    private static void Ip(string arguments)
    {
        var (exitCode, stdout, stderr) = Run("ip", arguments.Split(' '));
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"'ip {arguments}' failed with exit code {exitCode}: {stderr}{stdout}. This test needs a network namespace of its own (run as root with iproute2, as tests/run-all.sh does in CI); it is never skipped.");
        }
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string program, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 30 s.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
