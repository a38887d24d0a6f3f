using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway Redis (Debian's <c>redis-server</c>) on a free loopback port, its working directory a fresh
/// temp directory, persistence off. Stop it to simulate an outage, or freeze it (SIGSTOP: connections stay open, nothing answers); disposing stops it and removes the
/// directory. Fails loudly, saying what to install, when the binary is missing; never skips.
/// </summary>
internal sealed partial class RedisServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/redis-server";
    private readonly string _root;
    private Process? _process;

    private RedisServer(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"Redis is required by this test and is not installed ({Binary} is missing): run 'bash tests/run-all.sh' as root, which installs it, or 'apt-get install redis-server'.");
        }

        var root = Path.Combine(Path.GetTempPath(), "pr-redis-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var server = new RedisServer(root, FreePort.Next());
        var info = new ProcessStartInfo(Binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var arg in new[] { "--port", server.Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", root, "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes" })
        {
            info.ArgumentList.Add(arg);
        }

        server._process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        server._process.OutputDataReceived += (_, _) => { };
        server._process.ErrorDataReceived += (_, _) => { };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await server.PingAsync())
        {
            if (server._process.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"redis-server did not answer PING on port {server.Port}.");
            }

            await Task.Delay(50);
        }

        return server;
    }

    /// <summary>True when the server answers PING.</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Kills the server (an outage, not a clean shutdown) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Freezes (SIGSTOP) or resumes (SIGCONT) the server: while frozen its connections stay open and nothing answers.</summary>
    public void Freeze(bool frozen)
    {
        if (_process is { HasExited: false } process && Kill(process.Id, frozen ? 19 : 18) != 0)
        {
            throw new InvalidOperationException($"kill({process.Id}, {(frozen ? 19 : 18)}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Freeze(false); // a frozen process still dies of SIGKILL, but resume it so nothing is left stopped
        }

        await StopAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory.
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
