using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProductionReady.SecurityHeaders;

namespace ProductionReady.Benchmarks.SecurityHeaders;

/// <summary>
/// Per-request cost of the security headers: one request through a pipeline whose endpoint writes a
/// JSON (or HTML) response, the response then started as Kestrel starts it (OnStarting callbacks run).
/// The HttpContext is reused and reset between requests, as Kestrel pools its own, so the figures are
/// what the middleware itself costs. Baseline: the same pipeline without any headers middleware.
/// NWebsec.AspNetCore.Middleware 2.0.0 does not restore here (its NWebsec.AspNetCore.Core dependency is
/// missing from the feed), so the comparison is a hand-written middleware in the usual style.
/// </summary>
[MemoryDiagnoser]
public class SecurityHeadersBenchmarks
{
    private readonly ReusableContext _context = new();
    private RequestDelegate _bare = null!;
    private RequestDelegate _productionReadyApi = null!;
    private RequestDelegate _productionReadyHtmlWithNonce = null!;
    private RequestDelegate _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var options = Options.Create(new ProductionReadySecurityHeadersOptions());
        var headers = new CompiledSecurityHeaders(options);

        RequestDelegate json = static c =>
        {
            c.Response.StatusCode = 200;
            c.Response.ContentType = "application/json; charset=utf-8";
            return Task.CompletedTask;
        };
        RequestDelegate html = static c =>
        {
            _ = c.GetCspNonce();
            c.Response.ContentType = "text/html; charset=utf-8";
            return Task.CompletedTask;
        };

        _bare = json;
        _productionReadyApi = new SecurityHeadersMiddleware(json, headers).InvokeAsync;
        _productionReadyHtmlWithNonce = new SecurityHeadersMiddleware(html, headers).InvokeAsync;
        var app = new ApplicationBuilder(services);
        app.Use(HandWrittenSecurityHeaders);
        app.Run(json);
        _handWritten = app.Build();
    }

    [Benchmark(Baseline = true, Description = "bare pipeline (no headers)")]
    public Task Bare() => _context.RunAsync(_bare);

    [Benchmark(Description = "ProductionReady, API profile")]
    public Task ProductionReadyApi() => _context.RunAsync(_productionReadyApi);

    [Benchmark(Description = "ProductionReady, HTML profile + nonce")]
    public Task ProductionReadyHtmlWithNonce() => _context.RunAsync(_productionReadyHtmlWithNonce);

    [Benchmark(Description = "hand-written OnStarting closure, same headers")]
    public Task HandWritten() => _context.RunAsync(_handWritten);

    /// <summary>The usual hand-written middleware: a closure per request, literal values set on start.</summary>
    private static Task HandWrittenSecurityHeaders(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'; report-uri /csp-reports";
            headers["X-Content-Type-Options"] = "nosniff";
            headers["X-Frame-Options"] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), geolocation=(), microphone=()";
            headers["X-XSS-Protection"] = "0";
            headers["X-Permitted-Cross-Domain-Policies"] = "none";
            if (context.Request.IsHttps)
            {
                headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
            }

            headers.Remove("X-Powered-By");
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>
    /// An HttpContext reused across requests like Kestrel's: headers cleared (capacity kept), OnStarting
    /// callbacks kept in a reused list and run in reverse order when the response starts.
    /// </summary>
    private sealed class ReusableContext : IHttpResponseFeature
    {
        private readonly List<KeyValuePair<Func<object, Task>, object>> _onStarting = new(4);
        private readonly DefaultHttpContext _http;

        public ReusableContext()
        {
            var features = new FeatureCollection();
            features.Set<IHttpRequestFeature>(new HttpRequestFeature { Scheme = "https", Method = "GET", Path = "/orders/42" });
            features.Set<IHttpResponseFeature>(this);
            features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
            _http = new DefaultHttpContext(features);
            _http.Request.Host = new HostString("api.example.com");
        }

        public int StatusCode { get; set; } = 200;

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        public Stream Body { get; set; } = Stream.Null;

        public bool HasStarted { get; private set; }

        public void OnStarting(Func<object, Task> callback, object state) => _onStarting.Add(new(callback, state));

        public void OnCompleted(Func<object, Task> callback, object state)
        {
        }

        public async Task RunAsync(RequestDelegate pipeline)
        {
            Headers.Clear();
            HasStarted = false;
            _http.Features.Set<CspNonceFeature>(null);
            await pipeline(_http).ConfigureAwait(false);
            for (var i = _onStarting.Count - 1; i >= 0; i--)
            {
                await _onStarting[i].Key(_onStarting[i].Value).ConfigureAwait(false);
            }

            _onStarting.Clear();
            HasStarted = true;
        }
    }
}
