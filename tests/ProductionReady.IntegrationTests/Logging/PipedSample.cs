using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Logging;

/// <summary>
/// The sample in Production as a real process whose stdout is a real pipe (a FIFO) read by another real
/// process (<c>cat</c>), as a container runtime's log collector reads it. The reader can be frozen with
/// SIGSTOP (a stalled collector) and resumed; what it passes on is collected line by line.
/// </summary>
internal sealed partial class PipedSample : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Process _app;
    private readonly Process _reader;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource _readerClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PipedSample(string directory, Process app, Process reader, int port)
    {
        _directory = directory;
        _app = app;
        _reader = reader;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public bool HasExited => _app.HasExited;

    /// <summary>The lines the reader has passed on so far.</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string Stderr => string.Join('\n', _stderr);

    public static PipedSample Start(IReadOnlyDictionary<string, string?>? environment = null)
    {
        if (!File.Exists(TestPaths.SampleAssembly))
        {
            throw new InvalidOperationException($"The sample is not built at {TestPaths.SampleAssembly}; build the solution first.");
        }

        var directory = Directory.CreateTempSubdirectory("piped-sample-").FullName;
        var fifo = Path.Combine(directory, "stdout");
        if (MakeFifo(fifo, Convert.ToUInt32("600", 8)) != 0)
        {
            throw new InvalidOperationException($"mkfifo {fifo} failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        var reader = new Process
        {
            StartInfo = new ProcessStartInfo("cat", [fifo]) { RedirectStandardOutput = true, UseShellExecute = false },
            EnableRaisingEvents = true,
        };

        var port = FreePort.Next();
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(TestPaths.SampleAssembly)!,
        };

        // exec: the shell becomes the app, so its pid is the app's; its stdout is the FIFO.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec dotnet \"$0\" > \"$1\"");
        info.ArgumentList.Add(TestPaths.SampleAssembly);
        info.ArgumentList.Add(fifo);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("ProductionReady", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";

        // The sample requires a strong API key in Production; generated per run, never committed.
        info.Environment["Sample__ApiKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(36));
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var app = new Process { StartInfo = info, EnableRaisingEvents = true };
        var sample = new PipedSample(directory, app, reader, port);
        reader.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                sample._readerClosed.TrySetResult();
            }
            else
            {
                sample._lines.Enqueue(e.Data);
            }
        };
        app.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                sample._stderr.Enqueue(e.Data);
            }
        };
        reader.Start();
        reader.BeginOutputReadLine();
        app.Start();
        app.BeginErrorReadLine();
        return sample;
    }

    public async Task WaitUntilListeningAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_app.HasExited)
            {
                throw new InvalidOperationException($"The sample exited with code {_app.ExitCode}.\nstdout:\n{string.Join('\n', Lines)}\nstderr:\n{Stderr}");
            }

            try
            {
                (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"The sample did not answer in time.\nstderr:\n{Stderr}");
    }

    /// <summary>Freezes (SIGSTOP) or resumes (SIGCONT) the reader of the app's stdout.</summary>
    public void FreezeReader(bool frozen) => Signal(_reader.Id, frozen ? 19 : 18);

    public void SendSigterm() => Signal(_app.Id, 15);

    /// <summary>Waits for the app to exit; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _app.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The sample did not exit within {timeout}.\nstderr:\n{Stderr}");
        }

        return _app.ExitCode;
    }

    /// <summary>Waits until the reader has passed on everything (the app has exited and the pipe is empty).</summary>
    public Task WaitForReaderToFinishAsync(TimeSpan timeout) => _readerClosed.Task.WaitAsync(timeout);

    /// <summary>Waits for a line that matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.FirstOrDefault(predicate) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No matching stdout line in time ({_lines.Count} lines).\nstderr:\n{Stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _app, _reader })
        {
            try
            {
                if (!process.HasExited)
                {
                    if (process == _reader)
                    {
                        Signal(process.Id, 18);
                    }

                    process.Kill();
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }

            process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);
}
