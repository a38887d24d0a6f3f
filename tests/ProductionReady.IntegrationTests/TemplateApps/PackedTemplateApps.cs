using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// Real apps as users make them: ProductionReady packed into a local folder, <c>dotnet new mvc</c>,
/// <c>razor</c>, <c>webapp --auth Individual</c> (Identity on EF Core SQLite) and <c>webapi</c> (with Swashbuckle,
/// with Scalar) changed only by the README's recipes
/// (<see cref="Recipes"/>), restored through a temporary nuget.config that adds the folder, built with the
/// real SDK and run as child processes on loopback in Development. Built once per test run and shared by
/// every test of the collection, with one headless Chromium.
/// </summary>
public sealed class PackedTemplateApps() : PackedAppFixture("templates")
{
    public ChildProcess Mvc { get; private set; } = null!;

    public ChildProcess Razor { get; private set; } = null!;

    public ChildProcess Swagger { get; private set; } = null!;

    public ChildProcess Scalar { get; private set; } = null!;

    /// <summary><c>dotnet new webapp --auth Individual</c>: the Identity UI and, under <c>/api/account</c>, <c>MapIdentityApi</c>.</summary>
    public ChildProcess Identity { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        // Before the minute of packing and building: fail at once without the browser.
        HeadlessChromium.EnsureInstalled();

        await PackAsync("src/ProductionReady/ProductionReady.csproj");
        Mvc = await CreateAsync(["mvc"], "MvcApp", Recipes.ApplyMvc);
        Razor = await CreateAsync(["razor"], "RazorApp", Recipes.ApplyRazorPages);
        Swagger = await CreateAsync(["webapi"], "SwaggerApp", Recipes.ApplySwagger);
        Scalar = await CreateAsync(["webapi"], "ScalarApp", Recipes.ApplyScalar);
        Identity = await CreateAsync(["webapp", "--auth", "Individual"], "IdentityApp", Recipes.ApplyIdentity);

        await LaunchChromiumAsync();
    }

    /// <summary>Starts one more process of an app built here (another environment, other settings); stopped with the fixture.</summary>
    public async Task<ChildProcess> StartAgainAsync(ChildProcess built, string environment, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = Start(BuiltAssembly(built.WorkingDirectory), settings, environment, workingDirectory: built.WorkingDirectory);
        await app.WaitUntilAnswersAsync();
        return app;
    }

    /// <summary>Publishes an app built here and starts it from its publish folder.</summary>
    public async Task<ChildProcess> StartPublishedAsync(ChildProcess built, string environment)
    {
        var name = Path.GetFileName(built.WorkingDirectory);
        var output = Path.Combine(Root, name + "-published");
        await PublishAsync(built.WorkingDirectory, output);
        var app = Start(Path.Combine(output, name + ".dll"), environmentName: environment);
        await app.WaitUntilAnswersAsync();
        return app;
    }

    private async Task<ChildProcess> CreateAsync(string[] template, string name, Func<string, string, Task> recipe)
    {
        var directory = await NewAppAsync(template, name, recipe);
        await BuildAsync(directory);
        var app = Start(BuiltAssembly(directory), environmentName: "Development", workingDirectory: directory);
        await app.WaitUntilAnswersAsync();
        return app;
    }
}

[CollectionDefinition(Name)]
public sealed class PackedTemplateAppsGroup : ICollectionFixture<PackedTemplateApps>
{
    public const string Name = "Packed template apps";
}
