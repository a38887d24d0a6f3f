using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// The service shapes beyond MVC and minimal APIs, as users make and ship them: ProductionReady (and
/// ProductionReady.Grpc) packed into a local folder, <c>dotnet new blazor</c> and <c>dotnet new grpc</c> changed only by the README's recipes
/// (<see cref="ShapeRecipes"/>), published with the real SDK and run from the publish folder in Production (the
/// default CSP, no developer tooling). Built once per test run, with one headless Chromium.
/// </summary>
public sealed class PackedServiceShapes() : PackedAppFixture("shapes")
{
    /// <summary>The Blazor Web App (interactive server), its slow-request threshold tiny so that any long request would be a Warning.</summary>
    public ChildProcess Blazor { get; private set; } = null!;

    /// <summary>The published gRPC service's assembly.</summary>
    public string GrpcAssembly { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        HeadlessChromium.EnsureInstalled();

        await PackAsync("src/ProductionReady/ProductionReady.csproj", "src/ProductionReady.Grpc/ProductionReady.Grpc.csproj");
        var blazor = await NewPublishedAppAsync("blazor", "BlazorApp", ShapeRecipes.ApplyBlazor);
        GrpcAssembly = await NewPublishedAppAsync("grpc", "GrpcApp", ShapeRecipes.ApplyGrpc, "ProductionReady.Grpc");

        Blazor = Start(blazor, new Dictionary<string, string> { ["ProductionReady__Logging__SlowRequestThreshold"] = "00:00:00.001" });
        await Blazor.WaitUntilAnswersAsync();

        await LaunchChromiumAsync();
    }

    /// <summary>Starts the published gRPC service in Production with <paramref name="environment"/> (its listening addresses); stopped with the fixture.</summary>
    public ChildProcess StartGrpc(Dictionary<string, string> environment, params string[] arguments) =>
        Start(GrpcAssembly, environment, web: false, arguments: arguments);

    /// <summary>Creates the app, publishes it into its <c>publish</c> folder and returns its assembly there.</summary>
    private async Task<string> NewPublishedAppAsync(string template, string name, Func<string, string, Task> recipe, params string[] morePackages)
    {
        var directory = await NewAppAsync([template], name, recipe, morePackages);
        var output = Path.Combine(directory, "publish");
        await PublishAsync(directory, output);
        return Path.Combine(output, name + ".dll");
    }
}

[CollectionDefinition(Name)]
public sealed class PackedServiceShapesGroup : ICollectionFixture<PackedServiceShapes>
{
    public const string Name = "Packed service shapes";
}
