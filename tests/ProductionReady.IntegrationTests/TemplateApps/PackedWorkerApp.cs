using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// A real worker service as users make it: ProductionReady packed into a local folder, <c>dotnet new worker</c>
/// changed only by the README's worker recipe (one line: <c>builder.AddProductionReady();</c>), built with the
/// real SDK against the packed package. What only the tests need is one file, <c>TestOnly.cs</c>, switched on by
/// environment variables: a marker the worker writes when it runs, a hosted service that holds the start until a
/// file exists, and one that holds the stop until a file exists. Each test runs the app as its own process.
/// </summary>
public sealed class PackedWorkerApp() : PackedAppFixture("worker")
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

    /// <summary>The built app's assembly.</summary>
    public string Assembly { get; private set; } = string.Empty;

    /// <summary>A folder for the tests' marker and gate files.</summary>
    public string Scratch => Directory.CreateDirectory(Path.Combine(Root, "scratch")).FullName;

    public override async Task InitializeAsync()
    {
        await PackAsync("src/ProductionReady/ProductionReady.csproj");
        var directory = await NewAppAsync(["worker"], Name, (d, _) => ApplyRecipeAsync(d));
        await BuildAsync(directory);
        Assembly = BuiltAssembly(directory);
    }

    /// <summary>Starts the worker in Production with <paramref name="environment"/>; stopped with the fixture.</summary>
    public ChildProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Start(Assembly, environment, web: false, arguments: arguments);

    /// <summary>Runs the worker to its end; returns what it did.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        await using var worker = Start(environment, arguments);
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, worker.Stdout, worker.Stderr);
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

[CollectionDefinition(Name)]
public sealed class PackedWorkerAppGroup : ICollectionFixture<PackedWorkerApp>
{
    public const string Name = "Packed worker app";
}
