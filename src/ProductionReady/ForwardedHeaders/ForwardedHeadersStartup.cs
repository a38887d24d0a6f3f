using ProductionReady.Common;

namespace ProductionReady.ForwardedHeaders;

/// <summary>
/// Once at startup: says which proxies are trusted, and in
/// Production warns when the host trusts every proxy (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>).
/// </summary>
internal sealed class ForwardedHeadersStartup : IHostedService
{
    private readonly IConfiguration _configuration;
    private readonly IHostEnvironment _environment;
    private readonly IOptions<ProductionReadyForwardedHeadersOptions> _options;
    private readonly ILogger _logger;

    public ForwardedHeadersStartup(IConfiguration configuration, IHostEnvironment environment, IOptions<ProductionReadyForwardedHeadersOptions> options, ILoggerFactory loggerFactory)
    {
        _configuration = configuration;
        _environment = environment;
        _options = options;
        _logger = loggerFactory.CreateLogger(ForwardedHeadersLog.Category);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var trusted = options.TrustedProxies.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (trusted.Count > 0 && _logger.IsEnabled(LogLevel.Information))
        {
            var headers = options.Headers.ToString();
            var proxies = string.Join(", ", trusted);
            ForwardedHeadersLog.Trusted(_logger, headers, proxies, options.ForwardLimit);
        }

        if (!string.IsNullOrWhiteSpace(options.TrustAnyAddressReason) &&
            trusted.Any(p => IPAddresses.TryParseNetwork(p, out var network, out _) && IPAddresses.CoversEveryone(network)))
        {
            ForwardedHeadersLog.TrustAnyAddress(_logger, options.TrustAnyAddressReason);
        }

        // The host reads this setting with its ASPNETCORE_ prefix removed.
        if (_environment.IsProduction() && (IsTrue(_configuration["FORWARDEDHEADERS_ENABLED"]) || IsTrue(_configuration["ASPNETCORE_FORWARDEDHEADERS_ENABLED"])))
        {
            ForwardedHeadersLog.TrustEveryone(_logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsTrue(string? value) => bool.TryParse(value, out var result) && result;
}
