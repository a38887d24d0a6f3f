using ProductionReady.Edge;

namespace ProductionReady.Tests.Edge;

/// <summary>What the trusted-proxy settings refuse at startup.</summary>
public sealed class ForwardedHeadersOptionsValidatorTests
{
    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("10.0.0.0/8")]
    [InlineData("fd00::1")]
    [InlineData("fd00::/8")]
    [InlineData(" 192.168.1.0/24 ")]
    public void Addresses_and_networks_are_accepted(string proxy)
        => Assert.True(new ForwardedHeadersOptionsValidator().Validate(null, new ProductionReadyForwardedHeadersOptions { TrustedProxies = [proxy] }).Succeeded);

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("proxy.internal")]
    [InlineData("*")]
    public void Anything_else_is_refused_with_the_full_key(string proxy)
    {
        var result = new ForwardedHeadersOptionsValidator().Validate(null, new ProductionReadyForwardedHeadersOptions { TrustedProxies = ["10.0.0.5", proxy] });

        Assert.True(result.Failed);
        Assert.StartsWith($"ProductionReady:ForwardedHeaders:TrustedProxies:1 ('{proxy}') is neither an IP address", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void A_forward_limit_out_of_range_is_refused(int limit)
    {
        var result = new ForwardedHeadersOptionsValidator().Validate(null, new ProductionReadyForwardedHeadersOptions { ForwardLimit = limit });

        Assert.StartsWith("ProductionReady:ForwardedHeaders:ForwardLimit", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
