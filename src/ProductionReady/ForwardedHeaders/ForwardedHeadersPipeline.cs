using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;

namespace ProductionReady.ForwardedHeaders;

/// <summary>
/// Puts the framework's forwarded-headers middleware, restricted to the trusted proxies, at the front of
/// the app's pipeline: ahead of the routing <c>WebApplication</c> adds implicitly, request logging and rate
/// limits, so all of them see the real client. It stays behind the capture of the connection's own peer
/// (<c>ConnectionPeer</c>, the first startup filter), which the health details gate judges. Installed only
/// when the app called <c>UseProductionReadyForwardedHeaders</c> and at least one proxy is trusted; where no
/// startup filter runs (an <see cref="IApplicationBuilder"/> built by hand) it is installed where that call was made.
/// </summary>
internal sealed class ForwardedHeadersPipeline : IStartupFilter
{
    private readonly TrustedProxyList _proxies;
    private readonly IOptions<ProductionReadyForwardedHeadersOptions> _options;
    private readonly ILoggerFactory _loggerFactory;
    private volatile bool _requested;
    private volatile bool _filterRan;

    public ForwardedHeadersPipeline(TrustedProxyList proxies, IOptions<ProductionReadyForwardedHeadersOptions> options, ILoggerFactory loggerFactory)
    {
        _proxies = proxies;
        _options = options;
        _loggerFactory = loggerFactory;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        _filterRan = true;

        // The factory runs when the pipeline is built, after the app's own configuration has run.
        app.Use(rest => _requested ? Create(rest) : rest);
        next(app);
    };

    /// <summary>Called by <c>UseProductionReadyForwardedHeaders</c>.</summary>
    public void Request(IApplicationBuilder app)
    {
        _requested = true;
        app.Use(rest => _filterRan ? rest : Create(rest));
    }

    /// <summary>The framework's middleware with our list of proxies only (its loopback defaults removed).</summary>
    internal RequestDelegate Create(RequestDelegate next)
    {
        if (!_proxies.AnyTrusted)
        {
            return next;
        }

        var settings = _options.Value;
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = settings.Headers,
            ForwardLimit = settings.ForwardLimit,
        };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var network in _proxies.Networks)
        {
            forwarded.KnownIPNetworks.Add(network);
        }

        var middleware = new ForwardedHeadersMiddleware(next, _loggerFactory, Options.Create(forwarded));

        // Most requests to an app reached directly carry no forwarded header at all: they skip the framework's
        // middleware, which allocates on every request (measured in ForwardedHeadersBenchmarks).
        var names = new[] { forwarded.ForwardedForHeaderName, forwarded.ForwardedProtoHeaderName, forwarded.ForwardedHostHeaderName, forwarded.ForwardedPrefixHeaderName };
        return context => CarriesAny(context.Request.Headers, names) ? middleware.Invoke(context) : next(context);
    }

    private static bool CarriesAny(IHeaderDictionary headers, string[] names)
    {
        foreach (var name in names)
        {
            if (headers.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }
}
