using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpsPolicy;
using ProductionReady.Common;

namespace ProductionReady.SecurityHeaders;

/// <summary>
/// Once at startup (a hosted service, not to be confused with <see cref="SecurityHeadersPipeline"/>, the startup filter): logs the effective policy, and in Production warns when nothing makes the app's
/// traffic HTTPS.
/// </summary>
internal sealed class SecurityHeadersPolicyReport : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly CompiledSecurityHeaders _headers;
    private readonly ILogger _logger;

    public SecurityHeadersPolicyReport(IServiceProvider services, CompiledSecurityHeaders headers, ILoggerFactory loggerFactory)
    {
        _services = services;
        _headers = headers;
        _logger = loggerFactory.CreateLogger(SecurityHeadersLog.Category);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_headers.Enabled)
        {
            return Task.CompletedTask;
        }

        LogEffectivePolicy();
        var lifetime = _services.GetService<IHostApplicationLifetime>();
        lifetime?.ApplicationStarted.Register(WarnWithoutHttpsInProduction);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One short line at Information (what is sent, by name); every value at Debug.</summary>
    private void LogEffectivePolicy()
    {
        var options = _services.GetRequiredService<IOptions<ProductionReadySecurityHeadersOptions>>().Value;
        var reportPath = _headers.ReportsEnabled ? _headers.ReportPath : "(off)";
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var profiles = "API and HTML profiles";
            var named = options.Policies.Keys.Concat(options.PathPolicies.Select(p => $"{p.Value} at {p.Key}")).ToList();
            if (named.Count > 0)
            {
                profiles += " (policies " + string.Join(", ", named) + ")";
            }

            var headerNames = _headers.Default.Api.HeaderNames.Union(_headers.Default.Html.HeaderNames, StringComparer.OrdinalIgnoreCase)
                .Append(_headers.Hsts.Count > 0 ? "Strict-Transport-Security (HTTPS)" : null)
                .OfType<string>();
            var names = string.Join(", ", headerNames);
            SecurityHeadersLog.Summary(_logger, profiles, names, reportPath);
        }

        if (!_logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        SecurityHeadersLog.EffectivePolicy(_logger, "default", "API", _headers.Default.Api.Description);
        SecurityHeadersLog.EffectivePolicy(_logger, "default", "HTML", _headers.Default.Html.Description);
        foreach (var (name, policy) in _headers.Policies)
        {
            if (name is not (ProductionReadySecurityHeadersOptions.ApiPolicyName or ProductionReadySecurityHeadersOptions.HtmlPolicyName))
            {
                SecurityHeadersLog.EffectivePolicy(_logger, name, "API", policy.Api.Description);
                SecurityHeadersLog.EffectivePolicy(_logger, name, "HTML", policy.Html.Description);
            }
        }

        var hsts = _headers.Hsts.Count > 0 ? _headers.Hsts.ToString() : "(off)";
        var excluded = _headers.DescribeExcludedHosts();
        var removed = string.Join(", ", _headers.RemoveHeaders);
        SecurityHeadersLog.EffectiveTransport(_logger, hsts, excluded, reportPath, removed);
    }

    private void WarnWithoutHttpsInProduction()
    {
        var environment = _services.GetService<IHostEnvironment>();
        // Behind a trusted TLS-terminating proxy (a Kubernetes ingress) the proxy is where HTTPS is.
        if (environment is null || !environment.IsProduction() || _services.GetService<ITrustedProxies>()?.AnyTrusted == true)
        {
            return;
        }

        var configuration = _services.GetRequiredService<IConfiguration>();
        string[] httpsSettings = ["https_port", "HTTPS_PORTS", "ASPNETCORE_HTTPS_PORT", "ASPNETCORE_HTTPS_PORTS"];
        if (httpsSettings.Any(key => !string.IsNullOrWhiteSpace(configuration[key])) ||
            IsTrue(configuration["FORWARDEDHEADERS_ENABLED"]) || IsTrue(configuration["ASPNETCORE_FORWARDEDHEADERS_ENABLED"]) ||
            _services.GetService<IOptions<HttpsRedirectionOptions>>()?.Value.HttpsPort is not null)
        {
            return;
        }

        var addresses = _services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var listening = addresses.Count > 0 ? string.Join(", ", addresses) : "(unknown addresses)";
        SecurityHeadersLog.NoHttpsInProduction(_logger, listening);
    }

    private static bool IsTrue(string? value) => bool.TryParse(value, out var result) && result;
}
