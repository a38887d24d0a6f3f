using System.Text.RegularExpressions;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// A Native AOT app as a user makes it: <c>ProductionReady</c> and <c>ProductionReady.Prometheus</c> packed into a
/// local folder, <c>dotnet new webapiaot</c> changed only by <see cref="ApplyRecipe"/> (the two lines, an options
/// type with a <c>[Secret]</c> property, a rate-limited endpoint), and <c>dotnet publish -c Release</c> with the
/// template's <c>PublishAot</c>, every trim and AOT warning counted per call (<c>TrimmerSingleWarn=false</c>).
/// Published once per test run (2 to 8 minutes); each test starts the native binary itself.
/// </summary>
public sealed partial class NativeAotApp() : PackedAppFixture("aot")
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(20);

    /// <summary>The native executable.</summary>
    public string Executable { get; private set; } = string.Empty;

    /// <summary>Every IL2xxx/IL3xxx warning line of the publish output (distinct).</summary>
    public IReadOnlyList<string> TrimAndAotWarnings { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await PackAsync("src/ProductionReady/ProductionReady.csproj", "src/ProductionReady.Prometheus/ProductionReady.Prometheus.csproj");
        var directory = await NewAppAsync(["webapiaot"], "AotApp", (d, _) => ApplyRecipe(d), "ProductionReady.Prometheus");
        var output = await PublishAsync(directory, timeout: PublishTimeout, properties: "-p:TrimmerSingleWarn=false");

        TrimAndAotWarnings = output.Split('\n').Select(l => l.Trim()).Where(l => TrimOrAotWarning().IsMatch(l)).Distinct().ToArray();
        Executable = Directory.EnumerateFiles(Path.Combine(directory, "bin", "Release", "net10.0"), "AotApp", SearchOption.AllDirectories)
            .SingleOrDefault(f => Path.GetDirectoryName(f)!.EndsWith("publish", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The publish produced no native AotApp executable:\n" + output);
    }

    /// <summary>Starts the native binary on a free loopback port in Production with <paramref name="environment"/>; stopped with the fixture.</summary>
    public ChildProcess Start(IReadOnlyDictionary<string, string>? environment = null) => Start(Executable, environment);

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

    [GeneratedRegex(@"warning IL[23]\d{3}", RegexOptions.CultureInvariant)]
    private static partial Regex TrimOrAotWarning();
}

[CollectionDefinition(Name)]
public sealed class NativeAotAppGroup : ICollectionFixture<NativeAotApp>
{
    public const string Name = "Native AOT app";
}
