using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using ProductionReady.Metrics;

namespace ProductionReady.Tests.Metrics;

/// <summary>The metrics capability in an app: the one MeterProvider, the endpoint, the management port, the options.</summary>
[Collection(MetricsRunAlone.Name)]
public sealed class MetricsEndpointTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_app_with_its_own_OpenTelemetry_gets_our_meters_on_its_one_MeterProvider(bool appConfiguresFirst)
    {
        var exported = new List<Metric>();
        using var appMeter = new Meter("App.Orders");
        var orders = appMeter.CreateCounter<long>("app.orders.placed");
        void AppTelemetry(WebApplicationBuilder b) =>
            b.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter("App.Orders").AddInMemoryExporter(exported));

        await using var app = await LoopbackApp.StartAsync(b =>
        {
            if (appConfiguresFirst)
            {
                AppTelemetry(b);
            }

            b.AddProductionReady();
            if (!appConfiguresFirst)
            {
                AppTelemetry(b);
            }
        });
        orders.Add(3);
        Assert.Equal("hello", await app.Client.GetStringAsync(new Uri("/", UriKind.Relative)));

        // One pipeline: a single MeterProvider, whose readers are the app's exporter and our Prometheus endpoint.
        var provider = Assert.Single(app.App.Services.GetServices<MeterProvider>());
        var scrape = await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("app_orders_placed_total{otel_scope_name=\"App.Orders\"} 3", scrape, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_count{", scrape, StringComparison.Ordinal);

        // The app's own exporter receives the ASP.NET Core meters we added.
        provider.ForceFlush(); // false: the Prometheus reader is pull-only; the app's periodic reader still exports
        Assert.Contains(exported, m => m.Name == "http.server.request.duration");
        Assert.Contains(exported, m => m.Name == "app.orders.placed");
    }

    [Fact]
    public async Task Probes_and_scrapes_are_not_recorded_and_routes_are_templates()
    {
        await using var app = await LoopbackApp.StartAsync(b => b.AddProductionReady());
        await app.Client.GetStringAsync(new Uri("/orders/12345", UriKind.Relative));
        await app.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        await app.Client.GetAsync(new Uri("/health/live", UriKind.Relative));
        await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        // Proof by a later event, not a pause: a second order request after the probes and the scrape; once a scrape
        // counts it (past the exporter's scrape cache), the requests before it are counted or never will be.
        await app.Client.GetStringAsync(new Uri("/orders/67890", UriKind.Relative));
        string scrape;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            scrape = await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            if (scrape.Split('\n').Any(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("/orders/{id}", StringComparison.Ordinal) && l.Split(' ')[1] == "2")
                || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(50);
        }

        var requests = scrape.Split('\n').Where(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)).ToArray();
        var only = Assert.Single(requests);
        Assert.Contains("http_route=\"/orders/{id}\"", only, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_management_port_answers_the_metrics_alone_and_the_app_port_does_not()
    {
        var port = LoopbackApp.FreePort();
        await using var app = await LoopbackApp.StartAsync(b =>
        {
            b.AddProductionReady(o => o.Metrics.Port = port);
        });

        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.Contains("# TYPE", await management.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal("hello", await app.Client.GetStringAsync(new Uri("/", UriKind.Relative)));
    }

    [Fact]
    public async Task Switched_off_there_is_no_endpoint()
    {
        await using var app = await LoopbackApp.StartAsync(b =>
        {
            b.Configuration["ProductionReady:Metrics:Enabled"] = "false";
            b.AddProductionReady();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Empty(app.App.Services.GetServices<MeterProvider>());
    }

    [Fact]
    public async Task Usable_alone_and_registered_twice_it_runs_once()
    {
        await using var app = await LoopbackApp.StartAsync(
            b =>
            {
                b.AddProductionReadyMetrics();
                b.AddProductionReadyMetrics();
            },
            a =>
            {
                a.UseProductionReadyMetrics();
                a.MapGet("/", () => "hello");
            });
        await app.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        var scrape = await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Single(scrape.Split('\n'), l => l.StartsWith("# TYPE http_server_request_duration_seconds ", StringComparison.Ordinal));
        Assert.Single(app.App.Services.GetServices<IValidateOptions<ProductionReadyMetricsOptions>>(), v => v is MetricsOptionsValidator);
    }

    [Theory]
    [InlineData("Path", "metrics", "ProductionReady:Metrics:Path ('metrics') must be a path starting with '/'")]
    [InlineData("Port", "0", "ProductionReady:Metrics:Port (0) must be a TCP port between 1 and 65535")]
    [InlineData("Access", "Networks", "ProductionReady:Metrics:AllowedNetworks is empty while ProductionReady:Metrics:Access is Networks")]
    [InlineData("AllowedNetworks", "10.0.0.0/33", "ProductionReady:Metrics:AllowedNetworks:0 ('10.0.0.0/33') is neither an IP address")]
    [InlineData("AllowedNetworks", "10.0.0.1/8", "ProductionReady:Metrics:AllowedNetworks:0 ('10.0.0.1/8') has host bits set after the /8 prefix: write the network as 10.0.0.0/8")]
    [InlineData("AllowedNetworks", "0.0.0.0/0", "ProductionReady:Metrics:AllowedNetworks:0 ('0.0.0.0/0') lets every address read the metrics")]
    [InlineData("AllowedNetworks", "::/0", "ProductionReady:Metrics:AllowedNetworks:0 ('::/0') lets every address read the metrics")]
    [InlineData("Access", "AuthorizationPolicy", "ProductionReady:Metrics:AuthorizationPolicy is empty while ProductionReady:Metrics:Access is AuthorizationPolicy")]
    public void Bad_settings_are_refused_with_the_full_key_and_the_fix(string setting, string value, string message)
    {
        var options = new ProductionReadyMetricsOptions();
        switch (setting)
        {
            case "Path": options.Path = value; break;
            case "Port": options.Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Access": options.Access = Enum.Parse<MetricsAccess>(value); break;
            default:
                options.Access = MetricsAccess.Networks;
                options.AllowedNetworks.Add(value);
                break;
        }

        var result = new MetricsOptionsValidator(Production).Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Metrics_for_every_address_start_with_a_reason_given()
    {
        var options = new ProductionReadyMetricsOptions { Access = MetricsAccess.Networks, AllowAnyAddressReason = "the port is reachable from the scrapers' network only" };
        options.AllowedNetworks.Add("0.0.0.0/0");

        Assert.True(new MetricsOptionsValidator(Production).Validate(null, options).Succeeded);
    }

    private static readonly Microsoft.Extensions.Hosting.Internal.HostingEnvironment Production = new() { EnvironmentName = "Production" };

    [Fact]
    public async Task A_policy_that_is_not_registered_stops_the_start_with_the_key()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await LoopbackApp.StartAsync(b =>
            {
                b.Services.AddAuthorization();
                b.AddProductionReady(o =>
                {
                    o.Metrics.Access = MetricsAccess.AuthorizationPolicy;
                    o.Metrics.AuthorizationPolicy = "scrapers";
                });
            });
        });
        Assert.Contains("ProductionReady:Metrics:AuthorizationPolicy: names the authorization policy 'scrapers', which is not registered", Assert.IsType<ProductionReadyConfigurationException>(exception).Problems.Single(), StringComparison.Ordinal);
    }
}
