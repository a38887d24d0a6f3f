using Microsoft.AspNetCore.Hosting;

namespace ProductionReady.Headers;

/// <summary>
/// Puts the headers middleware at the very front of the app's pipeline, ahead even of the routing
/// <c>WebApplication</c> adds implicitly (which runs <c>ShortCircuit()</c> endpoints such as probes
/// before any middleware the app adds) and of the developer exception page. It is installed only
/// when the app called <c>UseProductionReadySecurityHeaders</c>; where no startup filter runs (an
/// <see cref="IApplicationBuilder"/> built by hand) it is installed where that call was made.
/// </summary>
internal sealed class SecurityHeadersPipeline : IStartupFilter
{
    private readonly CompiledSecurityHeaders _headers;
    private readonly CspReportEndpoint _reports;
    private volatile bool _requested;
    private volatile bool _filterRan;

    public SecurityHeadersPipeline(CompiledSecurityHeaders headers, CspReportEndpoint reports)
    {
        _headers = headers;
        _reports = reports;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        _filterRan = true;

        // The factory runs when the pipeline is built, after the app's own configuration has run.
        app.Use(rest => _requested ? Create(rest) : rest);
        next(app);
    };

    /// <summary>Called by <c>UseProductionReadySecurityHeaders</c>.</summary>
    public void Request(IApplicationBuilder app)
    {
        _requested = true;
        app.Use(rest => _filterRan ? rest : Create(rest));
    }

    private RequestDelegate Create(RequestDelegate next) => new SecurityHeadersMiddleware(next, _headers, _reports).InvokeAsync;
}
