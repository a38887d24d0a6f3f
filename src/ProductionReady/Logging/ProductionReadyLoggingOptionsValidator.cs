using ProductionReady.Common;

namespace ProductionReady.Logging;

/// <summary>Rejects logging options that cannot work, at startup, with what to change.</summary>
internal sealed class ProductionReadyLoggingOptionsValidator : IValidateOptions<ProductionReadyLoggingOptions>
{
    private readonly IServiceProvider _services;
    private readonly LogPipelineActivation? _activation;

    public ProductionReadyLoggingOptionsValidator(IServiceProvider services, LogPipelineActivation? activation = null)
    {
        _services = services;
        _activation = activation;
    }

    public ValidateOptionsResult Validate(string? name, ProductionReadyLoggingOptions options)
    {
        var failures = new List<string>();

        // Serilog.AspNetCore's AddSerilog/UseSerilog replaces the ILoggerFactory itself, ClearProviders() after
        // AddProductionReady() removes our provider: either way every event would bypass the CLEF output and
        // the secret masking. Never silently.
        if (_activation is { Created: false })
        {
            var factory = _services.GetService<ILoggerFactory>()?.GetType().FullName ?? "none";
            failures.Add(
                $"{ProductionReadyLoggingOptions.SectionName}: ProductionReady's logging pipeline is not in use (the logger factory is {factory}): " +
                "the app replaced it, e.g. with Serilog's builder.Services.AddSerilog(...) or builder.Host.UseSerilog(...), or removed its provider " +
                "with builder.Logging.ClearProviders() after AddProductionReady(), so events would bypass the CLEF output and the secret masking. " +
                "Remove that call; add Serilog sinks and enrichers with AddProductionReady(o => o.Logging.ConfigureSerilog(lc => ...)) or the \"Serilog\" configuration section.");
        }

        if (SerilogConfigurationSection.RefusalWithoutDynamicCode(_services.GetRequiredService<IConfiguration>()) is { } refusal)
        {
            failures.Add(refusal);
        }

        if (!options.Stdout && (!options.Otlp || string.IsNullOrWhiteSpace(_services.GetRequiredService<IConfiguration>()[OtlpLogExport.EndpointVariable])))
        {
            failures.Add(
                $"{ProductionReadyLoggingOptions.SectionName}:Stdout is false and no other output takes the events " +
                $"({(options.Otlp ? OtlpLogExport.EndpointVariable + " is not set" : ProductionReadyLoggingOptions.SectionName + ":Otlp is false")}): every log event would be lost. " +
                $"Set {OtlpLogExport.EndpointVariable} to the collector's address (and leave Otlp on), or remove Stdout = false.");
        }

        if (!Enum.IsDefined(options.Format))
        {
            failures.Add($"{ProductionReadyLoggingOptions.SectionName}:Format must be Auto, Json or Text.");
        }

        if (options.SlowRequestThreshold <= TimeSpan.Zero)
        {
            failures.Add($"{ProductionReadyLoggingOptions.SectionName}:SlowRequestThreshold must be positive, e.g. \"00:00:01\" (got {options.SlowRequestThreshold}).");
        }

        if (string.IsNullOrWhiteSpace(options.RequestIdHeader) || !HttpToken.IsToken(options.RequestIdHeader))
        {
            failures.Add($"{ProductionReadyLoggingOptions.SectionName}:RequestIdHeader must be a header name such as X-Request-ID.");
        }
        else if (StandardHeaders.Contains(options.RequestIdHeader))
        {
            failures.Add($"{ProductionReadyLoggingOptions.SectionName}:RequestIdHeader is \"{options.RequestIdHeader}\", a standard HTTP header with its own meaning: the request id would be written into it on every response (and read from it on every request), which breaks the responses. Use a header of its own such as X-Request-ID or X-Correlation-ID.");
        }

        foreach (var path in options.ExcludedPaths)
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/')
            {
                failures.Add($"{ProductionReadyLoggingOptions.SectionName}:ExcludedPaths entries must start with '/' (got \"{path}\").");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Headers HTTP, servers, proxies or browsers give a meaning of their own: never a place for a request id.
    private static readonly HashSet<string> StandardHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Accept-Charset", "Accept-Encoding", "Accept-Language", "Accept-Ranges", "Age", "Allow", "Alt-Svc",
        "Authorization", "Cache-Control", "Connection", "Content-Disposition", "Content-Encoding", "Content-Language",
        "Content-Length", "Content-Location", "Content-Range", "Content-Security-Policy", "Content-Type", "Cookie",
        "Date", "ETag", "Expect", "Expires", "Forwarded", "From", "Host", "If-Match", "If-Modified-Since", "If-None-Match",
        "If-Range", "If-Unmodified-Since", "Keep-Alive", "Last-Modified", "Link", "Location", "Max-Forwards", "Origin",
        "Pragma", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "Range", "Referer", "Retry-After",
        "Server", "Set-Cookie", "Strict-Transport-Security", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
        "User-Agent", "Vary", "Via", "Warning", "WWW-Authenticate", "X-Forwarded-For", "X-Forwarded-Host",
        "X-Forwarded-Proto", "traceparent", "tracestate", "baggage",
    };
}
