using Microsoft.Extensions.Configuration;
using ProductionReady.Health;

namespace ProductionReady.Tests.Health;

/// <summary>--probe finds the running instance from the app's own URL configuration, in Kestrel's precedence.</summary>
public sealed class ProbeTargetTests
{
    [Theory]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://0.0.0.0:80", "http://127.0.0.1:80/")]
    [InlineData("http://[::]:8081", "http://[::1]:8081/")]
    [InlineData("http://localhost:5005", "http://127.0.0.1:5005/")]
    [InlineData("http://127.0.0.1:7000", "http://127.0.0.1:7000/")]
    [InlineData("https://+:8443;http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("https://*:8443", "https://127.0.0.1:8443/")]
    [InlineData("http://10.1.2.3", "http://10.1.2.3:80/")]
    public void Urls_resolve_to_an_address_to_call(string urls, string expected)
    {
        Assert.Equal(new Uri(expected), ProbeTarget.Resolve(Config(("urls", urls))));
    }

    [Fact]
    public void Http_ports_are_used_when_no_urls_are_set()
    {
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), ProbeTarget.Resolve(Config(("http_ports", "8080;8081"))));
    }

    [Fact]
    public void Urls_win_over_http_ports_and_kestrel_endpoints_win_over_urls()
    {
        Assert.Equal(new Uri("http://127.0.0.1:9000/"), ProbeTarget.Resolve(Config(("urls", "http://+:9000"), ("http_ports", "8080"))));
        Assert.Equal(
            new Uri("http://127.0.0.1:7070/"),
            ProbeTarget.Resolve(Config(("urls", "http://+:9000"), ("Kestrel:Endpoints:Main:Url", "http://*:7070"))));
    }

    [Fact]
    public void Kestrels_default_applies_when_nothing_is_configured()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), ProbeTarget.Resolve(Config()));
    }

    [Fact]
    public void A_unix_socket_is_refused_with_a_clear_message()
    {
        var ex = Assert.Throws<FormatException>(() => ProbeTarget.Resolve(Config(("urls", "http://unix:/run/app.sock"))));
        Assert.Contains("Unix socket", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_probe_exits_1_and_says_which_exist()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = ProbeCommand.Run(Config(), configure: null, "alive", output, error);

        Assert.Equal(1, code);
        Assert.Contains("use --probe live, --probe ready or --probe startup", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_probe_configuration_exits_1_instead_of_crashing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = ProbeCommand.Run(Config(("ProductionReady:Health:ProbeCommandTimeout", "soon")), configure: null, "live", output, error);

        Assert.Equal(1, code);
        Assert.Contains("configuration is invalid", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_http2_only_endpoint_is_called_over_http2_and_an_http1_endpoint_is_preferred()
    {
        // The gRPC template: Kestrel:EndpointDefaults:Protocols = Http2.
        Assert.Equal(
            new Uri("http://127.0.0.1:8080/"),
            ProbeTarget.Resolve(Config(("urls", "http://+:8080"), ("Kestrel:EndpointDefaults:Protocols", "Http2")), out var http2Only));
        Assert.True(http2Only);

        // The gRPC recipe's probe port: the HTTP/1.1 endpoint is the one called, whatever the order.
        Assert.Equal(
            new Uri("http://127.0.0.1:8081/"),
            ProbeTarget.Resolve(
                Config(
                    ("Kestrel:EndpointDefaults:Protocols", "Http2"),
                    ("Kestrel:Endpoints:Grpc:Url", "http://*:8080"),
                    ("Kestrel:Endpoints:Probes:Url", "http://*:8081"),
                    ("Kestrel:Endpoints:Probes:Protocols", "Http1")),
                out http2Only));
        Assert.False(http2Only);

        Assert.Equal(new Uri("http://127.0.0.1:8080/"), ProbeTarget.Resolve(Config(("urls", "http://+:8080")), out http2Only));
        Assert.False(http2Only);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
