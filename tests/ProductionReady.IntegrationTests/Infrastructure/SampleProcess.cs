using System.Net;
using System.Net.Sockets;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>
/// The sample app as a real child process (<c>dotnet ProductionReady.Sample.dll</c>) on a free loopback
/// port, with its stdout and stderr captured line by line. Disposing kills it if it is still running.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SampleProcess(ChildProcess process, int port)
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

    public IReadOnlyList<string> StdoutLines => _process.StdoutLines;

    public IReadOnlyList<string> StderrLines => _process.StderrLines;

    public string Stdout => _process.Stdout;

    public string Stderr => _process.Stderr;

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
        var info = ChildProcess.Describe("dotnet", Path.GetDirectoryName(TestPaths.SampleAssembly)!, [TestPaths.SampleAssembly, .. args]);
        info.RedirectStandardInput = true;

        // Start from a clean slate: nothing the test runner inherited decides how the app runs.
        ChildProcess.RemoveInheritedHostSettings(info);
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

        return new SampleProcess(ChildProcess.Start(info, $"http://127.0.0.1:{port}"), port);
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
    public Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
        => _process.WaitForLineAsync(predicate, timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>
    /// Sends a request with a request id of its own and waits for its completion event on stdout: every event the
    /// request logged before it (a fallback warning, a category's debug line) is on stdout then too, since one writer
    /// keeps their order. Needs the JSON log format (the default outside Development), where the event carries the id.
    /// </summary>
    public async Task<HttpStatusCode> SendAndWaitForItsCompletionAsync(HttpClient client, HttpMethod method, string path)
    {
        var id = "test-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Request-ID", id);
        using var response = await client.SendAsync(request);
        await WaitForLineAsync(l => l.Contains(id, StringComparison.Ordinal) && l.Contains("\"StatusCode\"", StringComparison.Ordinal));
        return response.StatusCode;
    }

    /// <summary>Sends SIGTERM, as Kubernetes and Docker do on stop.</summary>
    public void SendSigterm() => _process.SendSigterm();

    /// <summary>Sends SIGINT (Ctrl+C).</summary>
    public void SendSigint() => _process.SendSigint();

    /// <summary>Freezes (SIGSTOP) or resumes (SIGCONT) the process.</summary>
    public void Freeze(bool frozen) => _process.Freeze(frozen);

    /// <summary>Waits for the process to exit and for its output to be drained; returns the exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
