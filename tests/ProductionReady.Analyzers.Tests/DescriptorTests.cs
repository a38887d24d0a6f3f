using System.Reflection;
using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>Every rule has an ID, a title, a category, a help link that resolves in analyzers/RULES.md, and shared policy.</summary>
public sealed class DescriptorTests
{
    [Fact]
    public void Every_rule_is_documented_where_its_help_link_points()
    {
        var root = typeof(DescriptorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var rules = File.ReadAllText(Path.Combine(root, "analyzers", "RULES.md"));
        var descriptors = RuleTest.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).ToList();

        Assert.Equal(Enumerable.Range(1, 14).Select(i => $"PRD{i:000}"), descriptors.Select(d => d.Id).Distinct().Order());
        foreach (var descriptor in descriptors)
        {
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains(descriptor.Category, new[] { "Security", "Reliability" });
            Assert.Equal("https://github.com/productionready/productionready/blob/main/analyzers/RULES.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
            Assert.Contains($"<a id=\"{descriptor.Id.ToLowerInvariant()}\"></a>", rules, StringComparison.Ordinal);
            Assert.Contains($"| [{descriptor.Id}](#{descriptor.Id.ToLowerInvariant()}) |", rules, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_analyzer_shares_the_concurrency_and_generated_code_policy()
        => Assert.All(RuleTest.AllAnalyzers, a => Assert.IsAssignableFrom<ProductionReadyAnalyzer>(a));
}
