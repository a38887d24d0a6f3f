namespace ProductionReady.Tests.Recipes;

/// <summary>The README's WebApplicationFactory recipe is the code <see cref="WebApplicationFactoryRecipeTests"/> runs, line for line.</summary>
public sealed class ReadmeRecipeTests
{
    [Fact]
    public void The_readme_recipe_is_the_tested_code()
    {
        var root = FindRepositoryRoot();
        var test = File.ReadAllLines(Path.Combine(root, "tests", "ProductionReady.Tests", "Recipes", "WebApplicationFactoryRecipeTests.cs"));
        var start = Array.FindIndex(test, l => l.Trim() == "// recipe:start");
        var end = Array.FindIndex(test, l => l.Trim() == "// recipe:end");
        var tested = test[(start + 1)..end].Select(l => l.Length >= 4 ? l[4..] : l.TrimStart()).ToArray();

        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        var heading = Array.FindIndex(readme, l => l.StartsWith("### Recipe: integration tests with `WebApplicationFactory`", StringComparison.Ordinal));
        Assert.True(heading >= 0, "README has no WebApplicationFactory recipe");
        var open = Array.FindIndex(readme, heading, l => l == "```csharp");
        var close = Array.FindIndex(readme, open + 1, l => l == "```");

        Assert.Equal(tested, readme[(open + 1)..close]);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProductionReady.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ProductionReady.sln) was not found above " + AppContext.BaseDirectory);
    }
}
