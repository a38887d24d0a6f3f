using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster: initdb into a fresh temp directory, pg_ctl on a free loopback
/// port, run as the <c>postgres</c> user when the tests run as root (the server refuses root).
/// Supports stop/start, freezing every server process (SIGSTOP/SIGCONT), and counting the
/// statements the server really executed (from its own statement log, <c>log_statement=all</c>:
/// exact and immediate, unlike the cumulative statistics which backends flush lazily).
/// Fails loudly, saying what to install, when the binaries are missing; never skips.
/// </summary>
internal sealed partial class PostgresServer : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly string _root;
    private readonly string _dataDirectory;
    private readonly string _logFile;
    private bool _frozen;

    private PostgresServer(string root, int port)
    {
        _root = root;
        _dataDirectory = Path.Combine(root, "data");
        _logFile = Path.Combine(root, "server.log");
        Port = port;
    }

    public int Port { get; }

    /// <summary>Trust authentication on 127.0.0.1: no password needed by the tests.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Timeout=5";

    public static async Task<PostgresServer> StartAsync()
    {
        var initdb = Path.Combine(BinDirectory, "initdb");
        if (!File.Exists(initdb))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is required by this test and is not installed ({initdb} is missing): run 'bash tests/run-all.sh' as root, which installs it, or 'apt-get install postgresql'.");
        }

        var root = Path.Combine(Path.GetTempPath(), "pr-health-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
        }

        var server = new PostgresServer(root, FreePort.Next());
        await RunAsync(initdb, ["-D", server._dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the (stopped) server again on the same port.</summary>
    public Task StartAgainAsync() => RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
    [
        "-D", _dataDirectory, "-l", _logFile, "-w", "-t", "60",
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_root} -c listen_addresses=127.0.0.1 -c log_statement=all -c fsync=off -c full_page_writes=off",
        "start",
    ]);

    /// <summary>Stops the server (fast shutdown: open connections are closed).</summary>
    public Task StopAsync() => RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "-w", "stop"]);

    /// <summary>Freezes (SIGSTOP) or resumes (SIGCONT) the postmaster and every backend: connections hang, nothing fails.</summary>
    public void Freeze(bool frozen)
    {
        var processes = ServerProcessIds();
        if (processes.Count == 0)
        {
            throw new InvalidOperationException("No PostgreSQL server process is running.");
        }

        foreach (var pid in processes)
        {
            if (Kill(pid, frozen ? 19 : 18) != 0)
            {
                throw new InvalidOperationException($"kill({pid}) failed with errno {Marshal.GetLastPInvokeError()}.");
            }
        }

        _frozen = frozen;
    }

    /// <summary>How many times the server executed a statement containing <paramref name="fragment"/>, from its statement log.</summary>
    public int CountStatements(string fragment)
    {
        using var stream = new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if ((line.Contains("LOG:  statement: ", StringComparison.Ordinal) || line.Contains("LOG:  execute ", StringComparison.Ordinal))
                && line.Contains(fragment, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// How many TCP connections to the server are open or opening on the client side (ESTABLISHED or
    /// SYN_SENT, from /proc/net/tcp): counted even while the server is frozen, when it can report nothing.
    /// </summary>
    public int CountClientConnections()
    {
        var port = ":" + Port.ToString("X4", CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(fields => fields.Length > 3 && fields[2].EndsWith(port, StringComparison.Ordinal) && fields[3] is "01" or "02");
    }

    /// <summary>The server's log so far, for failure messages.</summary>
    public string Log()
    {
        using var stream = new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        if (_frozen)
        {
            Freeze(false);
        }

        try
        {
            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory.
        }
    }

    private static bool IsRoot => Geteuid() == 0;

    /// <summary>The postmaster (first line of postmaster.pid) and its children.</summary>
    private List<int> ServerProcessIds()
    {
        var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return [];
        }

        var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        var result = new List<int> { postmaster };
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so parse after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == postmaster)
                {
                    result.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        return result;
    }

    private static async Task RunAsync(string program, string[] args, bool asPostgres = true)
    {
        var info = new ProcessStartInfo(asPostgres && IsRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres && IsRoot)
        {
            foreach (var arg in new[] { "-u", "postgres", "--", program })
            {
                info.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint Geteuid();
}
