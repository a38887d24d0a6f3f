using ProductionReady.ForwardedHeaders;

namespace ProductionReady.Tests.ForwardedHeaders;

/// <summary>What the trusted-proxy settings refuse at startup.</summary>
public sealed class ForwardedHeadersOptionsValidatorTests
{
    private static ForwardedHeadersOptionsValidator Validator(string environment = "Production") =>
        new(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment });

    [Theory]
    [InlineData("10.0.0.1/8", "10.0.0.0/8")]
    [InlineData("192.168.1.77/24", "192.168.1.0/24")]
    [InlineData("fd00::1/8", "fd00::/8")]
    public void A_network_written_with_host_bits_is_refused_with_the_network_it_denotes(string proxy, string meant)
    {
        var result = Validator().Validate(null, new ProductionReadyForwardedHeadersOptions { TrustedProxies = [proxy] });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"ProductionReady:ForwardedHeaders:TrustedProxies:0 ('{proxy}') has host bits set", failure, StringComparison.Ordinal);
        Assert.Contains($"write the network as {meant}", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    public void Trusting_every_address_is_refused_outside_development_unless_a_reason_is_given(string proxy)
    {
        var refused = Validator().Validate(null, new ProductionReadyForwardedHeadersOptions { TrustedProxies = ["10.0.0.5", proxy] });
        var failure = Assert.Single(refused.Failures!);
        Assert.StartsWith($"ProductionReady:ForwardedHeaders:TrustedProxies:1 ('{proxy}') trusts every address", failure, StringComparison.Ordinal);
        Assert.Contains("ProductionReady:ForwardedHeaders:TrustAnyAddressReason", failure, StringComparison.Ordinal);

        Assert.True(Validator().Validate(null, new ProductionReadyForwardedHeadersOptions { TrustedProxies = [proxy], TrustAnyAddressReason = "only the platform's front end reaches the app" }).Succeeded);
        Assert.True(Validator("Development").Validate(null, new ProductionReadyForwardedHeadersOptions { TrustedProxies = [proxy] }).Succeeded);
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("10.0.0.0/8")]
    [InlineData("fd00::1")]
    [InlineData("fd00::/8")]
    [InlineData(" 192.168.1.0/24 ")]
    public void Addresses_and_networks_are_accepted(string proxy)
        => Assert.True(Validator().Validate(null, new ProductionReadyForwardedHeadersOptions { TrustedProxies = [proxy] }).Succeeded);

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("proxy.internal")]
    [InlineData("*")]
    public void Anything_else_is_refused_with_the_full_key(string proxy)
    {
        var result = Validator().Validate(null, new ProductionReadyForwardedHeadersOptions { TrustedProxies = ["10.0.0.5", proxy] });

        Assert.True(result.Failed);
        Assert.StartsWith($"ProductionReady:ForwardedHeaders:TrustedProxies:1 ('{proxy}') is neither an IP address", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void A_forward_limit_out_of_range_is_refused(int limit)
    {
        var result = Validator().Validate(null, new ProductionReadyForwardedHeadersOptions { ForwardLimit = limit });

        Assert.StartsWith("ProductionReady:ForwardedHeaders:ForwardLimit", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
