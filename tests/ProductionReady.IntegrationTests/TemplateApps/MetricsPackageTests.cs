using System.Net;

namespace ProductionReady.IntegrationTests.TemplateApps;

/// <summary>
/// The Prometheus exporter is a package of its own (its OpenTelemetry exporter is a beta): a template app that
/// references <c>ProductionReady</c> alone serves no <c>/metrics</c>, even to a loopback caller, and the path is
/// the app's. (The Native AOT app references <c>ProductionReady.Prometheus</c> and scrapes it.)
/// </summary>
[Collection(PackedTemplateAppsGroup.Name)]
public sealed class MetricsPackageTests
{
    private readonly PackedTemplateApps _apps;

    public MetricsPackageTests(PackedTemplateApps apps) => _apps = apps;

    [Fact]
    public async Task Without_the_Prometheus_package_the_metrics_path_is_the_apps()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(_apps.Swagger.Origin + "/metrics"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("# TYPE", body, StringComparison.Ordinal);
    }
}
