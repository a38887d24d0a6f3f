namespace ProductionReady.ForwardedHeaders;

/// <summary>
/// The trusted proxies still configured under their old key, <c>ProductionReady:SecurityHeaders:TrustedProxies</c>
/// (which only made <c>X-Forwarded-Proto</c> count for HSTS): added to the forwarded-headers list, with a
/// startup warning, so moving the key is not a breaking change.
/// </summary>
internal sealed class LegacyTrustedProxies(IConfiguration configuration) : IConfigureOptions<ProductionReadyForwardedHeadersOptions>
{
    public const string Key = "ProductionReady:SecurityHeaders:TrustedProxies";

    public void Configure(ProductionReadyForwardedHeadersOptions options)
    {
        foreach (var proxy in Read(configuration))
        {
            // An entry that cannot be read is refused under its old key by the security headers' validator.
            if (TrustedProxyList.TryParse(proxy, out _) && !options.TrustedProxies.Contains(proxy, StringComparer.OrdinalIgnoreCase))
            {
                options.TrustedProxies.Add(proxy);
            }
        }
    }

    public static List<string> Read(IConfiguration configuration) =>
        configuration.GetSection(Key).GetChildren().Select(c => c.Value).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
}
