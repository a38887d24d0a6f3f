using System.Reflection;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>Paths baked in at build time by the test project file.</summary>
internal static class TestPaths
{
    public static string SampleAssembly { get; } = Metadata("SampleAssemblyPath");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The build configuration the tests were built in (what <c>dotnet pack --no-build</c> packs).</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing from the test project.");
}
