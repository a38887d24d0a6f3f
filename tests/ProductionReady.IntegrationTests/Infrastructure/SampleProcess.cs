using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>
/// The sample app as a real child process (<c>dotnet ProductionReady.Sample.dll</c>) on a free loopback
/// port, with its stdout and stderr captured line by line. Disposing kills it if it is still running.
/// </summary>
internal sealed partial class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SampleProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The loopback port the app was told to listen on.</summary>
    public int Port { get; }

    /// <summary>http://127.0.0.1:{Port}</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> StdoutLines => _stdout.ToArray();

    public IReadOnlyList<string> StderrLines => _stderr.ToArray();

    public string Stdout => string.Join('\n', _stdout);

    public string Stderr => string.Join('\n', _stderr);

    /// <summary>
    /// Starts the sample. <paramref name="environment"/> entries override (or, with a null value, remove)
    /// the inherited environment; ASPNETCORE_URLS points at a free port unless given; <c>{port}</c> in a
    /// value is replaced with that port.
    /// </summary>
    public static SampleProcess Start(IReadOnlyDictionary<string, string?>? environment = null, params string[] args)
    {
        if (!File.Exists(TestPaths.SampleAssembly))
        {
            throw new InvalidOperationException($"The sample is not built at {TestPaths.SampleAssembly}; build the solution first.");
        }

        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(TestPaths.SampleAssembly)!,
        };
        info.ArgumentList.Add(TestPaths.SampleAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Start from a clean slate: nothing the test runner inherited decides how the app runs.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("ProductionReady", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    info.Environment.Remove(key);
                }
                else
                {
                    // "{port}" stands for the port chosen here, e.g. for a second listening address.
                    info.Environment[key] = value.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                }
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var sample = new SampleProcess(process, port);
        process.OutputDataReceived += (_, e) => sample.OnLine(e.Data, sample._stdout, sample._stdoutClosed);
        process.ErrorDataReceived += (_, e) => sample.OnLine(e.Data, sample._stderr, sample._stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Runs the sample to completion (e.g. <c>--validate-config</c>, <c>--probe</c>) and returns what it did.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(
        IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, params string[] args)
    {
        await using var sample = Start(environment, args);
        var exitCode = await sample.WaitForExitAsync(timeout);
        return (exitCode, sample.Stdout, sample.Stderr);
    }

    /// <summary>Waits until the app accepts TCP connections on its port, failing fast if it exits.</summary>
    public async Task WaitUntilListeningAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sample exited with code {_process.ExitCode} before listening.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"The sample did not listen on port {Port} in time.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
    }

    /// <summary>
    /// Knocks on the app's port for as long as the process lives: true as soon as a connection is accepted,
    /// false when the process exits without ever listening.
    /// </summary>
    public async Task<bool> ListensBeforeExitAsync()
    {
        while (!_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(10);
            }
        }

        return false;
    }

    /// <summary>Waits for a stdout or stderr line matching <paramref name="predicate"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var match = _stdout.Concat(_stderr).FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"No matching output line in time.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
    }

    /// <summary>Sends SIGTERM, as Kubernetes and Docker do on stop.</summary>
    public void SendSigterm() => Signal(15);

    /// <summary>Sends SIGINT (Ctrl+C).</summary>
    public void SendSigint() => Signal(2);

    /// <summary>Freezes (SIGSTOP) or resumes (SIGCONT) the process.</summary>
    public void Freeze(bool frozen) => Signal(frozen ? 19 : 18);

    /// <summary>Waits for the process to exit and for its output to be drained; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The sample did not exit within {timeout}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
        }

        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    private void OnLine(string? line, ConcurrentQueue<string> lines, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
        }
        else
        {
            lines.Enqueue(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
