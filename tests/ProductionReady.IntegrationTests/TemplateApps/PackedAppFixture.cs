using Microsoft.Playwright;
using ProductionReady.IntegrationTests.Infrastructure;
using ProductionReady.TestSupport;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// What every fixture of real apps built from the packed packages does, in one place: pack the packages into a local
/// folder with a version of their own (the packages folders can never hand back a stale copy), restore through a
/// nuget.config that adds that folder, create a <c>dotnet new</c> app of a shape, add the packages, apply the recipe,
/// build or publish it with the real SDK, and run it as a child process (stopped with the fixture).
/// </summary>
public abstract class PackedAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(6);

    private readonly string _label;
    private readonly List<ChildProcess> _processes = [];
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;

    protected PackedAppFixture(string label)
    {
        _label = label;
        Root = Directory.CreateTempSubdirectory($"pr-{label}-").FullName;
    }

    /// <summary>The folder the apps are created in (its nuget.config adds the packed packages' folder).</summary>
    public string Root { get; }

    /// <summary>The packages folder the child builds restore into.</summary>
    public string Packages { get; private set; } = string.Empty;

    /// <summary>The version the packages were packed with.</summary>
    public string Version { get; private set; } = string.Empty;

    /// <summary>The headless Chromium of a fixture that launched one.</summary>
    public IBrowserContext Browser => _browser ?? throw new InvalidOperationException("Chromium did not start.");

    public abstract Task InitializeAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    /// <summary>Launches one headless Chromium for the fixture's tests (see <see cref="HeadlessChromium"/>).</summary>
    protected async Task LaunchChromiumAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright, Path.Combine(Root, "chromium-profile"));
    }

    /// <summary>
    /// Starts an app built here (<paramref name="program"/>: its <c>.dll</c>, run with <c>dotnet</c>, or a native
    /// executable) in <paramref name="environmentName"/>, with nothing inherited that decides how it runs. A web app
    /// listens on a free loopback port unless <paramref name="environment"/> sets <c>ASPNETCORE_URLS</c> (or
    /// <paramref name="web"/> is false); <see cref="ChildProcess.Origin"/> is the first address of <c>ASPNETCORE_URLS</c>. It runs in the program's folder unless
    /// <paramref name="workingDirectory"/> says otherwise. Stopped with the fixture.
    /// </summary>
    public ChildProcess Start(
        string program,
        IReadOnlyDictionary<string, string>? environment = null,
        string environmentName = "Production",
        bool web = true,
        string? workingDirectory = null,
        params string[] arguments)
    {
        var dll = program.EndsWith(".dll", StringComparison.Ordinal);
        var info = ChildProcess.Describe(dll ? "dotnet" : program, workingDirectory ?? Path.GetDirectoryName(program)!, dll ? [program, .. arguments] : arguments);
        ChildProcess.RemoveInheritedHostSettings(info);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        info.Environment["DOTNET_ENVIRONMENT"] = environmentName;
        if (web)
        {
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var origin = info.Environment.TryGetValue("ASPNETCORE_URLS", out var urls) && urls is not null ? urls.Split(';')[0] : string.Empty;
        var process = ChildProcess.Start(info, origin);
        lock (_processes)
        {
            _processes.Add(process);
        }

        return process;
    }

    /// <summary>Runs <c>dotnet</c> with the fixture's packages folder; throws with the output when it fails.</summary>
    public Task<string> RunDotnetAsync(string workingDirectory, params string[] arguments) => RunDotnetAsync(workingDirectory, CommandTimeout, arguments);

    public async Task<string> RunDotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, output) = await DotnetCommand.RunAsync(
            workingDirectory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages }, timeout, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed with exit code {exitCode}:\n{output}");
        }

        return output;
    }

    /// <summary>Packs <paramref name="projects"/> (paths from the repository root, built already) into the fixture's feed.</summary>
    protected async Task PackAsync(params string[] projects)
    {
        var feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Packages = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        Version = LocalFeed.NewVersion(_label);
        foreach (var project in projects)
        {
            await RunDotnetAsync(TestPaths.RepositoryRoot, LocalFeed.PackArguments(TestPaths.RepositoryRoot, project, TestPaths.Configuration, feed, Version));
        }

        await LocalFeed.WriteNuGetConfigAsync(Root, "productionready-" + _label, feed);
    }

    /// <summary>
    /// <c>dotnet new</c> <paramref name="template"/> as <paramref name="name"/>, ProductionReady and
    /// <paramref name="morePackages"/> added at the packed version, then <paramref name="recipe"/>(directory, name).
    /// Returns the app's directory.
    /// </summary>
    public async Task<string> NewAppAsync(string[] template, string name, Func<string, string, Task> recipe, params string[] morePackages)
    {
        var directory = Path.Combine(Root, name);
        await RunDotnetAsync(Root, ["new", .. template, "-o", directory, "-n", name, "--no-restore"]);
        foreach (var package in morePackages.Prepend("ProductionReady"))
        {
            await RunDotnetAsync(directory, "add", "package", package, "--version", Version, "--no-restore");
        }

        await recipe(directory, name);
        return directory;
    }

    /// <summary>Builds the app in Debug (with MSBuild <paramref name="properties"/>, <c>-p:Name=Value</c>); returns the build output.</summary>
    public Task<string> BuildAsync(string directory, params string[] properties) =>
        RunDotnetAsync(directory, ["build", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", .. properties, "-clp:NoSummary"]);

    /// <summary>The Debug build's assembly of the app in <paramref name="directory"/>.</summary>
    public static string BuiltAssembly(string directory) =>
        Path.Combine(directory, "bin", "Debug", "net10.0", Path.GetFileName(directory) + ".dll");

    /// <summary>
    /// Publishes the app (<c>dotnet publish -c Release</c>, as it is deployed: static web assets of referenced packages,
    /// compressed variants and scoped CSS are laid out only by publishing), into <paramref name="output"/> when given.
    /// Returns the publish output.
    /// </summary>
    protected Task<string> PublishAsync(string directory, string? output = null, TimeSpan? timeout = null, params string[] properties) =>
        RunDotnetAsync(directory, timeout ?? CommandTimeout,
            ["publish", "-c", "Release", .. output is null ? Array.Empty<string>() : ["-o", output], "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", .. properties, "-clp:NoSummary"]);
}
