using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>
/// An app under test as a real child process (the sample, a template app built from the packed package, a native
/// binary), its stdout and stderr captured line by line. Every wait is for an event (a line, an answer, the exit),
/// failing fast with the output when the process ends first. Disposing kills it, with its tree, if it still runs.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable, IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private ChildProcess(Process process, string origin)
    {
        _process = process;
        Origin = origin;
    }

    /// <summary>Where the app was told to listen (e.g. <c>http://127.0.0.1:41234</c>), or empty.</summary>
    public string Origin { get; }

    public string WorkingDirectory => _process.StartInfo.WorkingDirectory;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> StdoutLines => _stdout.ToArray();

    public IReadOnlyList<string> StderrLines => _stderr.ToArray();

    public string Stdout => string.Join('\n', _stdout);

    public string Stderr => string.Join('\n', _stderr);

    /// <summary>Stdout, then stderr.</summary>
    public string Output => Stdout + "\n" + Stderr;

    /// <summary>A start description for <paramref name="fileName"/> with <paramref name="arguments"/>, its output redirected.</summary>
    public static ProcessStartInfo Describe(string fileName, string workingDirectory, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Removes what the test runner's environment would decide about how the app runs (ASPNETCORE_*, DOTNET_*, ProductionReady*).</summary>
    public static void RemoveInheritedHostSettings(ProcessStartInfo info)
    {
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("ProductionReady", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
    }

    public static ChildProcess Start(ProcessStartInfo info, string origin = "")
    {
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, origin);
        process.OutputDataReceived += (_, e) => OnLine(e.Data, child._stdout, child._stdoutClosed);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, child._stderr, child._stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a process to its end; returns what it did.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        await using var child = Start(info);
        var exitCode = await child.WaitForExitAsync(timeout);
        return (exitCode, child.Stdout, child.Stderr);
    }

    /// <summary>
    /// Waits until <c>/health/live</c> at <paramref name="origin"/> (<see cref="Origin"/> unless given) answers a request
    /// of exactly <paramref name="version"/> (HTTP/1.1 unless given; HTTP/2 is prior knowledge), whatever the status.
    /// </summary>
    public async Task WaitUntilAnswersAsync(string? origin = null, Version? version = null, TimeSpan? timeout = null)
    {
        origin ??= Origin;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(1));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{WorkingDirectory}: the app exited with code {_process.ExitCode} before answering:\n{Output}");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, origin + "/health/live")
                {
                    Version = version ?? HttpVersion.Version11,
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                };
                using var response = await client.SendAsync(request);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{origin} did not answer within {timeout ?? TimeSpan.FromMinutes(1)}:\n{Output}");
    }

    /// <summary>Waits for a stdout or stderr line matching <paramref name="predicate"/> (60 s unless given), failing fast if the app exits.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var exited = _process.HasExited && _stdoutClosed.Task.IsCompleted && _stderrClosed.Task.IsCompleted;
            if (_stdout.Concat(_stderr).FirstOrDefault(predicate) is { } match)
            {
                return match;
            }

            if (exited)
            {
                break;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"No matching output line.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
    }

    /// <summary>Waits for the process to exit by itself (two minutes unless given) and for its output to be drained; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{WorkingDirectory}: the app did not exit within {timeout ?? TimeSpan.FromMinutes(2)}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as Kubernetes and Docker do on stop.</summary>
    public void SendSigterm() => Signal(15);

    /// <summary>Sends SIGINT (Ctrl+C).</summary>
    public void SendSigint() => Signal(2);

    /// <summary>Freezes (SIGSTOP) or resumes (SIGCONT) the process.</summary>
    public void Freeze(bool frozen) => Signal(frozen ? 19 : 18);

    /// <summary>Kills the process (and its tree) if it still runs; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

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

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    private static void OnLine(string? line, ConcurrentQueue<string> lines, TaskCompletionSource closed)
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
