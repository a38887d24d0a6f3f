using System.Text.RegularExpressions;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Health;

/// <summary>The deployment examples under samples/deploy probe what the library serves by default.</summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Deploy = Path.Combine(TestPaths.RepositoryRoot, "samples", "deploy");

    [Theory]
    [InlineData("startupProbe", ProductionReadyHealthOptions.DefaultStartupPath)]
    [InlineData("livenessProbe", ProductionReadyHealthOptions.DefaultLivePath)]
    [InlineData("readinessProbe", ProductionReadyHealthOptions.DefaultReadyPath)]
    public void The_kubernetes_probes_use_the_default_paths(string probe, string expectedPath)
    {
        var lines = File.ReadAllLines(Path.Combine(Deploy, "kubernetes.yaml"));
        var start = Array.FindIndex(lines, l => l.Trim() == probe + ":");
        Assert.True(start >= 0, $"kubernetes.yaml has no {probe}.");

        var path = lines.Skip(start + 1).Select(l => PathLine().Match(l)).First(m => m.Success).Groups[1].Value;

        Assert.Equal(expectedPath, path);
    }

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData("compose.yaml")]
    public void The_container_healthchecks_run_the_probe_command_with_a_real_probe(string file)
    {
        var text = File.ReadAllText(Path.Combine(Deploy, file));

        var probes = ProbeArgument().Matches(text).Select(m => m.Groups[1].Value).ToArray();

        Assert.NotEmpty(probes);
        Assert.All(probes, p => Assert.Contains(p, new[] { "live", "ready", "startup" }));
    }

    [Fact]
    public void The_probe_command_in_the_dockerfile_is_the_exec_form_chiseled_images_need()
    {
        var healthcheck = string.Join(' ', File.ReadAllLines(Path.Combine(Deploy, "Dockerfile")).SkipWhile(l => !l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)).Take(2));

        Assert.Contains("CMD [\"dotnet\", \"ProductionReady.Sample.dll\", \"--probe\", ", healthcheck, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*path:\s*(\S+)\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex("\"--probe\",\\s*\"([a-z]+)\"")]
    private static partial Regex ProbeArgument();
}
