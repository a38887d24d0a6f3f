using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// One <c>dotnet new web</c> app built against the packed ProductionReady with the two lines and the README's
/// recipes for outbound resilience and security events (<see cref="CapabilityRecipes"/>): built once per test run
/// (a build costs minutes), started by each test in Production with the settings it needs.
/// </summary>
public sealed class PackedCapabilityApp() : PackedAppFixture("capabilities")
{
    public const string Name = "CapabilitiesApp";

    private string _assembly = string.Empty;

    public override async Task InitializeAsync()
    {
        await PackAsync("src/ProductionReady/ProductionReady.csproj");
        var directory = await NewAppAsync(["web"], Name, CapabilityRecipes.Apply);
        await BuildAsync(directory);
        _assembly = BuiltAssembly(directory);
    }

    /// <summary>Starts the app in Production with <paramref name="settings"/> (environment variables) and waits until it answers; stopped with the fixture.</summary>
    public async Task<ChildProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var app = Start(_assembly, settings, workingDirectory: Path.GetDirectoryName(_assembly));
        await app.WaitUntilAnswersAsync();
        return app;
    }
}

[CollectionDefinition(Name)]
public sealed class PackedCapabilityAppGroup : ICollectionFixture<PackedCapabilityApp>
{
    public const string Name = "Packed capability app";
}
