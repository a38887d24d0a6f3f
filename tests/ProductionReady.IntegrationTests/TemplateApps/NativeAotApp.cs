using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ProductionReady.IntegrationTests.Infrastructure;
using ProductionReady.TestSupport;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// A Native AOT app as a user makes it: <c>ProductionReady</c> and <c>ProductionReady.Prometheus</c> packed into a
/// local folder, <c>dotnet new webapiaot</c> changed only by <see cref="ApplyRecipe"/> (the two lines, an options
/// type with a <c>[Secret]</c> property, a rate-limited endpoint), and <c>dotnet publish -c Release</c> with the
/// template's <c>PublishAot</c>, every trim and AOT warning counted per call (<c>TrimmerSingleWarn=false</c>).
/// Published once per test run (2 to 8 minutes); each test starts the native binary itself.
/// </summary>
public sealed partial class NativeAotApp : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(6);

    private readonly string _root = Directory.CreateTempSubdirectory("pr-aot-").FullName;

    /// <summary>The native executable.</summary>
    public string Executable { get; private set; } = string.Empty;

    /// <summary>Every IL2xxx/IL3xxx warning line of the publish output (distinct).</summary>
    public IReadOnlyList<string> TrimAndAotWarnings { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var packages = Directory.CreateDirectory(Path.Combine(_root, "packages")).FullName;
        var version = "0.1.0-aot." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var repository = TestPaths.RepositoryRoot;
        foreach (var project in new[] { "src/ProductionReady/ProductionReady.csproj", "src/ProductionReady.Prometheus/ProductionReady.Prometheus.csproj" })
        {
            await RunAsync(repository, packages, CommandTimeout, "pack", Path.Combine(repository, project),
                "--no-build", "--no-restore", "-c", TestPaths.Configuration, "-o", feed, "-p:Version=" + version);
        }

        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await File.WriteAllTextAsync(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="productionready-aot" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        var directory = Path.Combine(_root, "AotApp");
        await RunAsync(_root, packages, CommandTimeout, "new", "webapiaot", "-o", directory, "-n", "AotApp", "--no-restore");
        await RunAsync(directory, packages, CommandTimeout, "add", "package", "ProductionReady", "--version", version, "--no-restore");
        await RunAsync(directory, packages, CommandTimeout, "add", "package", "ProductionReady.Prometheus", "--version", version, "--no-restore");
        await ApplyRecipe(directory);
        var output = await RunAsync(directory, packages, PublishTimeout, "publish", "-c", "Release", "-nologo", "-nodeReuse:false",
            "-p:UseSharedCompilation=false", "-p:TrimmerSingleWarn=false", "-clp:NoSummary");

        TrimAndAotWarnings = output.Split('\n').Select(l => l.Trim()).Where(l => TrimOrAotWarning().IsMatch(l)).Distinct().ToArray();
        Executable = Directory.EnumerateFiles(Path.Combine(directory, "bin", "Release", "net10.0"), "AotApp", SearchOption.AllDirectories)
            .SingleOrDefault(f => Path.GetDirectoryName(f)!.EndsWith("publish", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The publish produced no native AotApp executable:\n" + output);
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

    /// <summary>Starts the native binary on a free loopback port in <paramref name="environment"/> (Production unless given).</summary>
    public NativeProcess Start(IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = Path.GetDirectoryName(Executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return NativeProcess.Start(start, $"http://127.0.0.1:{port}");
    }

    /// <summary>The recipe: the README's two lines in the template, plus what the tests exercise.</summary>
    private static async Task ApplyRecipe(string directory)
    {
        var program = Path.Combine(directory, "Program.cs");
        var source = await File.ReadAllTextAsync(program);
        // The template's lines end in CRLF: the two lines go after the statements, not after a line ending.
        source = source.Replace(
            "var builder = WebApplication.CreateSlimBuilder(args);",
            """
            var builder = WebApplication.CreateSlimBuilder(args);
            builder.AddProductionReady();
            builder.Services.AddOptions<PartnerOptions>().BindConfiguration(PartnerOptions.SectionName).ValidateOnStart();
            """,
            StringComparison.Ordinal);
        source = source.Replace(
            "var app = builder.Build();",
            """
            var app = builder.Build();
            app.UseProductionReady();
            app.MapPost("/login", () => "welcome").RequireRateLimiting("auth");
            """,
            StringComparison.Ordinal);
        source += """

            public sealed class PartnerOptions
            {
                public const string SectionName = "Partner";

                // A name no configuration scan takes for a secret: only the [Secret] attribute makes it one.
                [Secret(Optional = true)]
                public string? Code { get; set; }
            }
            """;
        if (!source.Contains("builder.AddProductionReady();", StringComparison.Ordinal) || !source.Contains("app.UseProductionReady();", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The webapiaot template changed: the recipe found no place for the two lines.\n" + source);
        }

        await File.WriteAllTextAsync(program, source);
    }

    private static async Task<string> RunAsync(string workingDirectory, string packages, TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, output) = await DotnetCommand.RunAsync(
            workingDirectory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages }, timeout, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed with exit code {exitCode}:\n{output}");
        }

        return output;
    }

    [GeneratedRegex(@"warning IL[23]\d{3}", RegexOptions.CultureInvariant)]
    private static partial Regex TrimOrAotWarning();
}

/// <summary>The native binary running as a child process, its stdout and stderr captured line by line.</summary>
public sealed class NativeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private NativeProcess(Process process, string origin)
    {
        _process = process;
        Origin = origin;
    }

    public string Origin { get; }

    public IReadOnlyList<string> StandardOutput => _stdout.ToArray();

    public string Output => string.Join('\n', _stdout) + "\n" + string.Join('\n', _stderr);

    internal static NativeProcess Start(ProcessStartInfo start, string origin)
    {
        var process = Process.Start(start)!;
        var app = new NativeProcess(process, origin);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                app._stdout.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                app._stderr.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until the live probe answers (or the process exits: then fails with its output).</summary>
    public async Task WaitUntilListeningAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The native app exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Origin + "/health/live"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"The native app did not answer within a minute:\n{Output}");
    }

    /// <summary>Waits for the process to exit by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until a stdout line satisfies <paramref name="match"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_stdout.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No such line on stdout:\n" + Output);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class NativeAotAppGroup : ICollectionFixture<NativeAotApp>
{
    public const string Name = "Native AOT app";
}
