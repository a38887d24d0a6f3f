using Microsoft.Extensions.Configuration;
using ProductionReady.Common;

namespace ProductionReady.Tests.Common;

/// <summary>The ports the app will listen on, read from every setting the host reads them from.</summary>
public sealed class ServerPortsTests
{
    [Theory]
    [InlineData("urls", "http://127.0.0.1:5080;https://*:5443", new[] { 5080, 5443 })]
    [InlineData("urls", "http://[::]:8081/", new[] { 8081 })]
    [InlineData("urls", "https://example.internal", new[] { 443 })]
    [InlineData("http_ports", "8080;8081", new[] { 8080, 8081 })]
    [InlineData("https_ports", "8443", new[] { 8443 })]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:7000", new[] { 7000 })]
    [InlineData("unrelated", "x", new[] { 5000 })]
    public void Every_setting_that_names_a_port_is_read(string key, string value, int[] expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        Assert.Equal(expected, ServerPorts.FromConfiguration(configuration).Select(p => p.Port).ToArray());
    }

    [Fact]
    public void A_port_nobody_holds_is_free_and_a_listening_one_is_in_use()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        Assert.True(ServerPorts.IsInUse(port));
        holder.Stop();
        Assert.False(ServerPorts.IsInUse(port));
    }
}
