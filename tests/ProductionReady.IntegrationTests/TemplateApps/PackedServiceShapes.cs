using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// The service shapes beyond MVC and minimal APIs, as users make and ship them: ProductionReady (and
/// ProductionReady.Grpc) packed into a local folder, <c>dotnet new blazor</c> and <c>dotnet new grpc</c> changed only by the README's recipes
/// (<see cref="ShapeRecipes"/>), published with the real SDK and run from the publish folder in Production (the
/// default CSP, no developer tooling). Built once per test run, with one headless Chromium.
/// </summary>
public sealed class PackedServiceShapes : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("pr-shapes-").FullName;
    private readonly List<ShapeApp> _apps = [];
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;
    private string _packages = string.Empty;

    /// <summary>The Blazor Web App (interactive server), its slow-request threshold tiny so that any long request would be a Warning.</summary>
    public ShapeApp Blazor { get; private set; } = null!;

    /// <summary>The published gRPC service's folder.</summary>
    public string GrpcDirectory { get; private set; } = string.Empty;

    public IBrowserContext Browser => _browser ?? throw new InvalidOperationException("Chromium did not start.");

    public async Task InitializeAsync()
    {
        HeadlessChromium.EnsureInstalled();

        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        _packages = Directory.CreateDirectory(Path.Combine(_root, "packages")).FullName;
        var version = "0.1.0-shapes." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var repository = TestPaths.RepositoryRoot;
        foreach (var project in new[] { "src/ProductionReady/ProductionReady.csproj", "src/ProductionReady.Grpc/ProductionReady.Grpc.csproj" })
        {
            await PackedTemplateApps.RunAsync(repository, _packages, "pack", Path.Combine(repository, project),
                "--no-build", "--no-restore", "-c", TestPaths.Configuration, "-o", feed, "-p:Version=" + version);
        }

        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await File.WriteAllTextAsync(Path.Combine(_root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="productionready-shapes" value="{feed}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        var blazor = await PublishAsync("blazor", "BlazorApp", version, ShapeRecipes.ApplyBlazor);
        GrpcDirectory = await PublishAsync("grpc", "GrpcApp", version, ShapeRecipes.ApplyGrpc, "ProductionReady.Grpc");

        var port = FreePort.Next();
        Blazor = Start(blazor, "BlazorApp", new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ProductionReady__Logging__SlowRequestThreshold"] = "00:00:00.001",
        });
        await Blazor.WaitForHttp1Async($"http://127.0.0.1:{port}");

        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright, Path.Combine(_root, "chromium-profile"));
    }

    /// <summary>Starts a published app in Production with <paramref name="environment"/>; stopped with the fixture.</summary>
    public ShapeApp Start(string directory, string name, Dictionary<string, string> environment, params string[] arguments)
    {
        var app = ShapeApp.Start(directory, name, environment, arguments);
        lock (_apps)
        {
            _apps.Add(app);
        }

        return app;
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

    private async Task<string> PublishAsync(string template, string name, string version, Func<string, string, Task> recipe, params string[] morePackages)
    {
        var directory = Path.Combine(_root, name);
        await PackedTemplateApps.RunAsync(_root, _packages, "new", template, "-o", directory, "-n", name, "--no-restore");
        foreach (var package in morePackages.Prepend("ProductionReady"))
        {
            await PackedTemplateApps.RunAsync(directory, _packages, "add", "package", package, "--version", version, "--no-restore");
        }
        await recipe(directory, name);
        var output = Path.Combine(directory, "publish");
        await PackedTemplateApps.RunAsync(directory, _packages, "publish", "-c", "Release", "-o", output,
            "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary");
        return output;
    }
}

/// <summary>One published app running as a child process in Production (from its publish folder), its output captured.</summary>
public sealed class ShapeApp : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ShapeApp(Process process, string origin)
    {
        _process = process;
        Origin = origin;
    }

    /// <summary>The address of the app's first <c>ASPNETCORE_URLS</c> entry.</summary>
    public string Origin { get; }

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    internal static ShapeApp Start(string directory, string name, Dictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(directory, name + ".dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var urls = environment.TryGetValue("ASPNETCORE_URLS", out var u) ? u.Split(';')[0] : string.Empty;
        var app = new ShapeApp(process, urls);
        process.OutputDataReceived += (_, e) => app.Add(e.Data);
        process.ErrorDataReceived += (_, e) => app.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until <paramref name="origin"/> answers an HTTP/1.1 request (any status).</summary>
    public Task WaitForHttp1Async(string origin) => WaitForAnswerAsync(origin, HttpVersion.Version11);

    /// <summary>Waits until <paramref name="origin"/> answers an HTTP/2 (prior knowledge) request (any status).</summary>
    public Task WaitForHttp2Async(string origin) => WaitForAnswerAsync(origin, HttpVersion.Version20);

    /// <summary>Waits for the process to end (a command-line mode); killed after two minutes.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until a line of output satisfies <paramref name="match"/>; returns it.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No matching output line within {timeout}:\n{Output}");
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

    private async Task WaitForAnswerAsync(string origin, Version version)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, origin + "/health/live") { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
                using var response = await client.SendAsync(request);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"{origin} did not answer within a minute:\n{Output}");
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
public sealed class PackedServiceShapesGroup : ICollectionFixture<PackedServiceShapes>
{
    public const string Name = "Packed service shapes";
}
