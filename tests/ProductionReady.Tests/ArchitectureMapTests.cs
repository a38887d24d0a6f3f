using System.Text.RegularExpressions;

namespace ProductionReady.Tests;

/// <summary>
/// ARCHITECTURE.md stays the map a newcomer can trust: every folder of the runtime is on it, every capability row of
/// the README's configuration table is on it, and the capability folders are the README's rows one to one. The tests
/// follow the same map: a test lives in the folder of the capability it tests (or Common/'s subfolder), in the
/// namespace of that folder.
/// </summary>
public sealed partial class ArchitectureMapTests
{
    // Folders of the runtime that are not capabilities.
    private static readonly string[] NotCapabilities = ["Common", "build", "bin", "obj"];

    private static string Root()
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

    // A folder git no longer has (a checkout keeps it while build output is in it) is not a folder of the code.
    private static bool HasFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));

    private static string Runtime => Path.Combine(Root(), "src", "ProductionReady");

    private static string Architecture => File.ReadAllText(Path.Combine(Root(), "ARCHITECTURE.md"));

    // The sections of the README's configuration table: "| Health probes | `ProductionReady:Health` | ...".
    private static List<string> ReadmeCapabilitySections()
    {
        var readme = File.ReadAllLines(Path.Combine(Root(), "README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| Capability | Section |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no capability table (a row '| Capability | Section | ...').");
        return readme.Skip(header + 2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => SectionCell().Match(l))
            .Select(m => Assert.IsType<Match>(m).Success ? m.Groups[1].Value : throw new InvalidOperationException("A capability row without a `ProductionReady:X` section."))
            .ToList();
    }

    [GeneratedRegex(@"`ProductionReady:([A-Za-z]+)`")]
    private static partial Regex SectionCell();

    [Fact]
    public void Every_folder_of_the_runtime_is_on_the_map()
    {
        var architecture = Architecture;
        var folders = Directory.GetDirectories(Runtime, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(Runtime, d).Replace('\\', '/'))
            .Where(d => !d.Split('/').Any(s => s is "bin" or "obj") && HasFiles(Path.Combine(Runtime, d)))
            .ToList();

        Assert.NotEmpty(folders);
        Assert.All(folders, folder => Assert.True(
            architecture.Contains(folder.Split('/')[^1] + "/", StringComparison.Ordinal),
            $"src/ProductionReady/{folder} is not on ARCHITECTURE.md's folder map."));
    }

    [Fact]
    public void Every_capability_of_the_README_is_on_the_map()
    {
        var architecture = Architecture;

        Assert.All(ReadmeCapabilitySections(), section => Assert.True(
            architecture.Contains($"`{section}/`", StringComparison.Ordinal) && architecture.Contains($"`ProductionReady:{section}`", StringComparison.Ordinal),
            $"The README's capability ProductionReady:{section} is not on ARCHITECTURE.md (its folder `{section}/` and its section)."));
    }

    // Each test project: the folders it may have besides the runtime's capability folders and Common/.
    public static TheoryData<string, string[]> TestProjects => new()
    {
        { "ProductionReady.Tests", ["Detection", "Grpc", "Recipes"] },
        { "ProductionReady.IntegrationTests", ["Infrastructure", "TemplateApps"] },
        { "ProductionReady.Benchmarks", ["Analyzers"] },
    };

    // Build output and what tools write beside a project (BenchmarkDotNet's results after a benchmark run; all git-ignored).
    private static IEnumerable<string> CodeFolders(string parent) => Directory.GetDirectories(parent)
        .Select(Path.GetFileName)
        .OfType<string>()
        .Where(d => d is not ("bin" or "obj" or "BenchmarkDotNet.Artifacts" or "TestResults") && HasFiles(Path.Combine(parent, d)));

    [Theory]
    [MemberData(nameof(TestProjects))]
    public void Every_test_folder_is_a_folder_of_the_runtime(string project, string[] ownFolders)
    {
        var tests = Path.Combine(Root(), "tests", project);
        var runtimeFolders = CodeFolders(Runtime).Where(d => d != "build").ToHashSet(StringComparer.Ordinal);

        Assert.All(CodeFolders(tests), folder => Assert.True(
            runtimeFolders.Contains(folder) || ownFolders.Contains(folder),
            $"tests/{project}/{folder} is not a folder of src/ProductionReady: move its tests to the folder of the capability they test."));

        var commonTests = Path.Combine(tests, "Common");
        var commonFolders = CodeFolders(Path.Combine(Runtime, "Common")).ToHashSet(StringComparer.Ordinal);
        Assert.All(Directory.Exists(commonTests) ? CodeFolders(commonTests) : [], folder => Assert.True(
            commonFolders.Contains(folder),
            $"tests/{project}/Common/{folder} is not a folder of src/ProductionReady/Common ({string.Join(", ", commonFolders.Order(StringComparer.Ordinal))})."));
        Assert.Empty(Directory.Exists(commonTests) ? Directory.GetFiles(commonTests, "*.cs") : []);
    }

    [Theory]
    [InlineData("ProductionReady.Tests")]
    [InlineData("ProductionReady.IntegrationTests")]
    [InlineData("ProductionReady.Benchmarks")]
    public void Every_test_file_is_in_the_namespace_of_its_folder(string project)
    {
        var tests = Path.Combine(Root(), "tests", project);
        var files = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(tests, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(s => s is "bin" or "obj"));

        Assert.All(files, file =>
        {
            var declared = NamespaceDeclaration().Match(File.ReadAllText(Path.Combine(tests, file)));
            if (!declared.Success)
            {
                return; // top-level statements
            }

            // As in src: one namespace per top-level folder (Common/Startup is ProductionReady.Common).
            var parts = file.Split('/');
            var expected = parts.Length == 1 ? project : project + "." + parts[0];
            Assert.True(declared.Groups[1].Value == expected, $"tests/{project}/{file} declares namespace {declared.Groups[1].Value}; its folder's is {expected}.");
        });
    }

    [GeneratedRegex(@"^namespace ([A-Za-z0-9_.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [Fact]
    public void The_capability_folders_are_the_READMEs_capabilities_one_to_one()
    {
        var folders = Directory.GetDirectories(Runtime)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(d => !NotCapabilities.Contains(d) && HasFiles(Path.Combine(Runtime, d!)))
            .Order(StringComparer.Ordinal);

        Assert.Equal(ReadmeCapabilitySections().Order(StringComparer.Ordinal), folders);
    }
}
