using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>
/// The probes of an app without a web server (a worker): a Kestrel server of its own, HTTP/1.1 on
/// <see cref="ProductionReadyHealthOptions.Port"/> (every interface, as a kubelet probes the pod's address), whose
/// whole pipeline is the connection-peer capture and <see cref="ProbeMiddleware"/>: the same answers, paths,
/// cache and report as in a web app; every other path is 404. Kestrel comes with the ASP.NET Core shared
/// framework the package already references, so a worker gets a real HTTP server (limits, keep-alive,
/// request parsing) and no hand-written one; it is created directly, not as the app's <c>IServer</c>,
/// so the worker stays a worker (no hosting pipeline, no other endpoint).
/// </summary>
/// <remarks>
/// Listens in <see cref="IHostedLifecycleService.StartingAsync"/>, before any of the app's hosted services
/// starts, so readiness answers 503 while they start; stops in <see cref="IHostedLifecycleService.StoppedAsync"/>,
/// after they have stopped, so readiness answers 503 (and liveness 200) while a worker finishes its job.
/// In an app with a web server it does nothing (that server answers the probes).
/// </remarks>
internal sealed class WorkerProbeListener : IHostedLifecycleService, IDisposable
{
    private readonly IServiceCollection _registrations;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private KestrelServer? _server;

    public WorkerProbeListener(IServiceCollection registrations, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        _registrations = registrations;
        _services = services;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger(HealthLog.Category);
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var options = _services.GetRequiredService<IOptions<ProductionReadyHealthOptions>>().Value;
        if (WebServer.IsRegistered(_registrations))
        {
            if (options.Port is { } ignored)
            {
                HealthLog.PortIgnored(_logger, ignored);
            }

            return;
        }

        var port = options.Port ?? ProductionReadyHealthOptions.DefaultWorkerPort;
        var kestrel = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = _services };

        // A probe is a GET with a few headers: small limits, and no body.
        kestrel.Limits.MaxRequestBodySize = 0;
        kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        kestrel.Limits.MaxConcurrentConnections = 64;
        kestrel.ListenAnyIP(port, listen => listen.Protocols = HttpProtocols.Http1);
        var transport = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), _loggerFactory);
        var server = new KestrelServer(Options.Create(kestrel), transport, _loggerFactory);

        var pipeline = new ApplicationBuilder(_services);
        pipeline.Use(static (context, next) =>
        {
            ConnectionPeer.Capture(context);
            return next(context);
        });
        pipeline.UseMiddleware<ProbeMiddleware>();
        pipeline.Run(static context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        try
        {
            await server.StartAsync(new ProbeApplication(pipeline.Build(), _services), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Taken between the check in Build() and now (or Build() was not ours): the report, not a stack trace.
            server.Dispose();
            throw StartupReport.Refuse([WorkerProbePortCheck.Problem(port)], Console.Error, StartupReport.TryCreateLogger(_services));
        }

        _server = server;
        HealthLog.WorkerProbesListening(_logger, port);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _server?.Dispose();

    /// <summary>The request loop Kestrel drives: one <see cref="DefaultHttpContext"/> per request, the probe pipeline.</summary>
    private sealed class ProbeApplication : IHttpApplication<HttpContext>
    {
        private readonly RequestDelegate _pipeline;
        private readonly IServiceProvider _services;

        public ProbeApplication(RequestDelegate pipeline, IServiceProvider services)
        {
            _pipeline = pipeline;
            _services = services;
        }

        public HttpContext CreateContext(IFeatureCollection contextFeatures) =>
            new DefaultHttpContext(contextFeatures) { RequestServices = _services };

        public Task ProcessRequestAsync(HttpContext context) => _pipeline(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }
}
