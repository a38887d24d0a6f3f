using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// A real worker service as users make it: ProductionReady packed into a local folder, <c>dotnet new worker</c>
/// changed only by the README's worker recipe (one line: <c>builder.AddProductionReady();</c>), built with the
/// real SDK against the packed package. What only the tests need is one file, <c>TestOnly.cs</c>, switched on by
/// environment variables: a marker the worker writes when it runs, a hosted service that holds the start until a
/// file exists, and one that holds the stop until a file exists. Each test runs the app as its own process.
/// </summary>
public sealed class PackedWorkerApp : IAsyncLifetime
{
    public const string Name = "WorkerApp";

    /// <summary>Test only: the worker writes this file when it runs; a start gate and a stop gate hold the host.</summary>
    private const string TestOnlyServices = """
        namespace WorkerApp;

        // Test only: the worker's side effect (stands in for the job it does).
        public sealed class RunMarker : BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken stoppingToken)
            {
                if (Environment.GetEnvironmentVariable("WORKER_RAN_MARKER") is { Length: > 0 } marker)
                {
                    File.WriteAllText(marker, "the worker ran");
                }

                return Task.CompletedTask;
            }
        }

        // Test only: holds the host's start (readiness answers 503) until the file exists.
        public sealed class StartGate(ILogger<StartGate> logger) : IHostedService
        {
            public async Task StartAsync(CancellationToken cancellationToken)
            {
                if (Environment.GetEnvironmentVariable("WORKER_START_GATE") is { Length: > 0 } gate)
                {
                    logger.LogInformation("Start gate waiting");
                    while (!File.Exists(gate))
                    {
                        await Task.Delay(20, cancellationToken);
                    }
                }
            }

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }

        // Test only: holds the host's stop (the worker finishing its job) until the file exists.
        public sealed class StopGate(ILogger<StopGate> logger) : IHostedService
        {
            public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public async Task StopAsync(CancellationToken cancellationToken)
            {
                if (Environment.GetEnvironmentVariable("WORKER_STOP_GATE") is { Length: > 0 } gate)
                {
                    logger.LogInformation("Stop gate waiting");
                    while (!File.Exists(gate))
                    {
                        await Task.Delay(20, cancellationToken);
                    }
                }
            }
        }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("pr-worker-").FullName;

    /// <summary>The built app's assembly.</summary>
    public string Assembly { get; private set; } = string.Empty;

    /// <summary>A folder for the tests' marker and gate files.</summary>
    public string Scratch => Directory.CreateDirectory(Path.Combine(_root, "scratch")).FullName;

    public async Task InitializeAsync()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var packages = Directory.CreateDirectory(Path.Combine(_root, "packages")).FullName;
        var version = "0.1.0-worker." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var repository = TestPaths.RepositoryRoot;
        await PackedTemplateApps.RunAsync(repository, packages, "pack", Path.Combine(repository, "src/ProductionReady/ProductionReady.csproj"),
            "--no-build", "--no-restore", "-c", TestPaths.Configuration, "-o", feed, "-p:Version=" + version);

        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await File.WriteAllTextAsync(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="productionready-worker" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        var directory = Path.Combine(_root, Name);
        await PackedTemplateApps.RunAsync(_root, packages, "new", "worker", "-o", directory, "-n", Name, "--no-restore");
        await PackedTemplateApps.RunAsync(directory, packages, "add", "package", "ProductionReady", "--version", version, "--no-restore");
        await ApplyRecipeAsync(directory);
        await PackedTemplateApps.RunAsync(directory, packages, "build", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
        Assembly = Path.Combine(directory, "bin", "Debug", "net10.0", Name + ".dll");
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }

        return Task.CompletedTask;
    }

    /// <summary>The README's worker recipe: one line after the builder is created. Plus the test-only services.</summary>
    private static async Task ApplyRecipeAsync(string directory)
    {
        var program = Path.Combine(directory, "Program.cs");
        var before = await File.ReadAllTextAsync(program);
        var after = before.Replace(
            "var builder = Host.CreateApplicationBuilder(args);",
            "var builder = Host.CreateApplicationBuilder(args);\nbuilder.AddProductionReady();\n" +
            "builder.Services.AddHostedService<RunMarker>(); // test only\n" +
            "builder.Services.AddHostedService<StartGate>(); // test only\n" +
            "builder.Services.AddHostedService<StopGate>(); // test only\n",
            StringComparison.Ordinal);
        if (after == before)
        {
            throw new InvalidOperationException("The worker recipe changed nothing in Program.cs: the template changed; update the recipe and the README.\n" + before);
        }

        await File.WriteAllTextAsync(program, after);
        await File.WriteAllTextAsync(Path.Combine(directory, "TestOnly.cs"), TestOnlyServices);
    }
}

/// <summary>The packed worker app as a child process, its stdout and stderr captured line by line.</summary>
internal sealed partial class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process) => _process = process;

    public IReadOnlyList<string> StdoutLines => _stdout.ToArray();

    public string Stdout => string.Join('\n', _stdout);

    public string Stderr => string.Join('\n', _stderr);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the app in <c>Production</c> (unless the environment says otherwise), with nothing inherited that decides how it runs.</summary>
    public static WorkerProcess Start(string assembly, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        info.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("ProductionReady", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => OnLine(e.Data, worker._stdout, worker._stdoutClosed);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, worker._stderr, worker._stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Runs the app to its end; returns what it did.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(string assembly, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        await using var worker = Start(assembly, environment, args);
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, worker.Stdout, worker.Stderr);
    }

    /// <summary>Waits for a stdout or stderr line matching <paramref name="predicate"/>, failing fast if the app exits.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_stdout.Concat(_stderr).FirstOrDefault(predicate) is { } match)
            {
                return match;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"No matching output line.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
    }

    public void SendSigterm()
    {
        if (Kill(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

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
            throw new TimeoutException($"The worker did not exit within {timeout}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
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

[CollectionDefinition(Name)]
public sealed class PackedWorkerAppGroup : ICollectionFixture<PackedWorkerApp>
{
    public const string Name = "Packed worker app";
}
