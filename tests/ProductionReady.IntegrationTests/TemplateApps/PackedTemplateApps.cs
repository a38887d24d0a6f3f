using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using ProductionReady.IntegrationTests.Infrastructure;
using ProductionReady.TestSupport;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// Real apps as users make them: ProductionReady packed into a local folder, <c>dotnet new mvc</c>,
/// <c>razor</c>, <c>webapp --auth Individual</c> (Identity on EF Core SQLite) and <c>webapi</c> (with Swashbuckle,
/// with Scalar) changed only by the README's recipes
/// (<see cref="Recipes"/>), restored through a temporary nuget.config that adds the folder, built with the
/// real SDK and run as child processes on loopback in Development. Built once per test run and shared by
/// every test of the collection, with one headless Chromium.
/// </summary>
public sealed class PackedTemplateApps : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(6);

    private readonly string _root = Directory.CreateTempSubdirectory("pr-templates-").FullName;
    private readonly List<RunningApp> _apps = [];
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;

    public RunningApp Mvc { get; private set; } = null!;

    public RunningApp Razor { get; private set; } = null!;

    public RunningApp Swagger { get; private set; } = null!;

    public RunningApp Scalar { get; private set; } = null!;

    /// <summary><c>dotnet new webapp --auth Individual</c>: the Identity UI and, under <c>/api/account</c>, <c>MapIdentityApi</c>.</summary>
    public RunningApp Identity { get; private set; } = null!;

    /// <summary>The version the package was packed with.</summary>
    public string Version { get; private set; } = string.Empty;

    /// <summary>The folder the apps are created in (its nuget.config adds the packed package's folder).</summary>
    public string Root => _root;

    /// <summary>The packages folder the child builds restore into.</summary>
    public string Packages { get; private set; } = string.Empty;

    public IBrowserContext Browser => _browser ?? throw new InvalidOperationException("Chromium did not start.");

    public async Task InitializeAsync()
    {
        // Before the minute of packing and building: fail at once without the browser.
        HeadlessChromium.EnsureInstalled();

        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var packages = Packages = Directory.CreateDirectory(Path.Combine(_root, "packages")).FullName;

        // A version of its own: the packages folders can never hand back a stale copy.
        var version = Version = "0.1.0-templates." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var repository = TestPaths.RepositoryRoot;
        await RunAsync(repository, packages, "pack", Path.Combine(repository, "src/ProductionReady/ProductionReady.csproj"),
            "--no-build", "--no-restore", "-c", TestPaths.Configuration, "-o", feed, "-p:Version=" + version);

        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await File.WriteAllTextAsync(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="productionready-templates" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        Mvc = await CreateAsync("mvc", "MvcApp", version, packages, Recipes.ApplyMvc);
        Razor = await CreateAsync("razor", "RazorApp", version, packages, Recipes.ApplyRazorPages);
        Swagger = await CreateAsync("webapi", "SwaggerApp", version, packages, Recipes.ApplySwagger);
        Scalar = await CreateAsync("webapi", "ScalarApp", version, packages, Recipes.ApplyScalar);
        Identity = await CreateAsync(["webapp", "--auth", "Individual"], "IdentityApp", version, packages, Recipes.ApplyIdentity);

        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright, Path.Combine(_root, "chromium-profile"));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        foreach (var app in _apps)
        {
            app.Dispose();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    /// <summary>Starts one more process of an app built here (another environment, other settings); disposed with the fixture.</summary>
    public Task<RunningApp> StartAgainAsync(RunningApp built, string environment, IReadOnlyDictionary<string, string>? settings = null) =>
        TrackAsync(RunningApp.Start(built.Directory, Path.GetFileName(built.Directory), environment, settings));

    /// <summary>
    /// Publishes an app built here (<c>dotnet publish -c Release</c>, as it is deployed: static web assets of
    /// referenced packages, compressed variants and scoped CSS are laid out only by publishing) and starts it.
    /// </summary>
    public async Task<RunningApp> StartPublishedAsync(RunningApp built, string environment)
    {
        var name = Path.GetFileName(built.Directory);
        var output = Path.Combine(_root, name + "-published");
        await RunAsync(built.Directory, Packages, "publish", "-c", "Release", "-o", output, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
        return await TrackAsync(RunningApp.Start(output, name, environment, dll: Path.Combine(output, name + ".dll")));
    }

    private async Task<RunningApp> TrackAsync(RunningApp app)
    {
        lock (_apps)
        {
            _apps.Add(app);
        }

        await app.WaitUntilListeningAsync();
        return app;
    }

    private Task<RunningApp> CreateAsync(string template, string name, string version, string packages, Func<string, string, Task> recipe) =>
        CreateAsync([template], name, version, packages, recipe);

    private async Task<RunningApp> CreateAsync(string[] template, string name, string version, string packages, Func<string, string, Task> recipe)
    {
        var directory = Path.Combine(_root, name);
        await RunAsync(_root, packages, ["new", .. template, "-o", directory, "-n", name, "--no-restore"]);
        await RunAsync(directory, packages, "add", "package", "ProductionReady", "--version", version, "--no-restore");
        await recipe(directory, name);
        await RunAsync(directory, packages, "build", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");

        var app = RunningApp.Start(directory, name);
        _apps.Add(app);
        await app.WaitUntilListeningAsync();
        return app;
    }

    internal static async Task<string> RunAsync(string workingDirectory, string packages, params string[] arguments)
    {
        var (exitCode, output) = await DotnetCommand.RunAsync(
            workingDirectory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages }, CommandTimeout, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed with exit code {exitCode}:\n{output}");
        }

        return output;
    }
}

/// <summary>One built template app running as a child process (in Development unless told), its output captured.</summary>
public sealed class RunningApp : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private RunningApp(Process process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        Origin = $"http://127.0.0.1:{port}";
    }

    public string Directory { get; }

    public string Origin { get; }

    public string Output => string.Join('\n', _output);

    internal static RunningApp Start(string directory, string name, string environment = "Development", IReadOnlyDictionary<string, string>? settings = null, string? dll = null)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll ?? Path.Combine(directory, "bin", "Debug", "net10.0", name + ".dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var app = new RunningApp(process, directory, port);
        process.OutputDataReceived += (_, e) => app.Add(e.Data);
        process.ErrorDataReceived += (_, e) => app.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    public async Task WaitUntilListeningAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Directory} exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(Origin + "/health/live");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"{Directory} did not answer within a minute:\n{Output}");
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

    private void Add(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedTemplateAppsGroup : ICollectionFixture<PackedTemplateApps>
{
    public const string Name = "Packed template apps";
}
