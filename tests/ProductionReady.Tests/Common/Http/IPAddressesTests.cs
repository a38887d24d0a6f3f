using System.Net;
using ProductionReady.Common;

namespace ProductionReady.Tests.Common;

/// <summary>The one parser of configured addresses and networks (trusted proxies, metrics networks).</summary>
public sealed class IPAddressesTests
{
    [Theory]
    [InlineData("10.0.0.5", "10.0.0.5/32")]
    [InlineData(" 10.0.0.0/8 ", "10.0.0.0/8")]
    [InlineData("fd00::1", "fd00::1/128")]
    [InlineData("fd00::/8", "fd00::/8")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    public void An_address_is_a_one_address_network_and_a_network_is_read_as_written(string text, string expected)
    {
        Assert.True(IPAddresses.TryParseNetwork(text, out var network, out var problem), problem);
        Assert.Equal(IPNetwork.Parse(expected), network);
    }

    [Fact]
    public void A_network_with_host_bits_is_refused_naming_the_network_it_denotes()
    {
        Assert.False(IPAddresses.TryParseNetwork("10.0.0.1/8", out _, out var problem));
        Assert.Contains("10.0.0.0/8", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("proxy.internal")]
    [InlineData("10.0.0.0/33")]
    [InlineData("fe80::1%eth0")]
    [InlineData("10.0.0.0/-1")]
    public void Anything_else_is_refused_with_a_reason(string? text)
    {
        Assert.False(IPAddresses.TryParseNetwork(text, out _, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void CoversEveryone_only_for_a_zero_prefix()
    {
        Assert.True(IPAddresses.CoversEveryone(IPNetwork.Parse("::/0")));
        Assert.False(IPAddresses.CoversEveryone(IPNetwork.Parse("10.0.0.0/8")));
    }

    [Fact]
    public void Unmap_turns_an_IPv4_mapped_address_back_into_IPv4()
    {
        Assert.Equal(IPAddress.Parse("10.0.0.5"), IPAddresses.Unmap(IPAddress.Parse("::ffff:10.0.0.5")));
        Assert.Equal(IPAddress.Parse("fd00::1"), IPAddresses.Unmap(IPAddress.Parse("fd00::1")));
    }
}
