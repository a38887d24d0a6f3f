using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProductionReady.Logging;

namespace ProductionReady.Benchmarks.Logging;

/// <summary>
/// What the request-logging middleware adds to a request: the id (kept or generated, echoed), the timing and
/// the decision, with logging off (the middleware alone) and with the completion event written as CLEF
/// through the whole Microsoft.Extensions.Logging → Serilog → mask → format pipeline (to a discarding writer), and
/// written directly from its state by our provider as an app has it (<see cref="RequestEventWriter"/>).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class RequestLoggingBenchmarks
{
    private static readonly RequestDelegate Endpoint = static _ => Task.CompletedTask;

    private DefaultHttpContext _withId = null!;
    private DefaultHttpContext _withoutId = null!;
    private RequestLoggingMiddleware _silent = null!;
    private RequestLoggingMiddleware _logging = null!;
    private RequestLoggingMiddleware _maskedBeforeProviders = null!;
    private RequestLoggingMiddleware _direct = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = Options.Create(new ProductionReadyLoggingOptions());
        _silent = new RequestLoggingMiddleware(Endpoint, NullLoggerFactory.Instance, options, new ServiceCollection().BuildServiceProvider());

        var services = new ServiceCollection();
        services.AddSingleton(LogDestination.To(TextWriter.Null));
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new BenchmarkEnvironment());
        services.AddSingleton(new ProductionReady.Common.ServiceIdentity("orders", "1.4.2", null, "Production"));
        services.AddSingleton(options);
        services.AddSingleton<LogPipeline>();
        _services = services.BuildServiceProvider();
        var factory = LoggerFactory.Create(b => b.AddProvider(new Serilog.Extensions.Logging.SerilogLoggerProvider(_services.GetRequiredService<LogPipeline>().Logger)));
        _logging = new RequestLoggingMiddleware(Endpoint, factory, options, _services);

        // As the app's logger factory is since secrets are masked before every provider (OTLP, the app's own).
        var masking = new MaskingLoggerFactory(factory, new SecretMasker(null));
        _maskedBeforeProviders = new RequestLoggingMiddleware(Endpoint, masking, options, _services);

        // As an app has it: masked before every provider, and our provider writing the event directly (RequestEventWriter).
        var direct = LoggerFactory.Create(b => b.AddProvider(Microsoft.Extensions.Hosting.LoggingHostingExtensions.PipelineProvider(_services)));
        _direct = new RequestLoggingMiddleware(Endpoint, new MaskingLoggerFactory(direct, new SecretMasker(null)), options, _services);

        _withId = NewContext();
        _withId.Request.Headers["X-Request-ID"] = "4bf92f3577b34da6a3ce929d0e0e4736";
        _withoutId = NewContext();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public Task EndpointAlone() => Endpoint(_withId);

    [Benchmark]
    public Task Middleware_IdFromCaller_LoggingOff() => _silent.InvokeAsync(_withId);

    [Benchmark]
    public Task Middleware_IdGenerated_LoggingOff() => _silent.InvokeAsync(_withoutId);

    [Benchmark]
    public Task Middleware_IdFromCaller_ClefEvent() => _logging.InvokeAsync(_withId);

    [Benchmark]
    public Task Middleware_IdFromCaller_ClefEvent_MaskedBeforeProviders() => _maskedBeforeProviders.InvokeAsync(_withId);

    // As in production: a new id (a new string to search for secrets) per request; the caller's id above is one
    // instance every time.
    [Benchmark]
    public Task Middleware_IdGenerated_ClefEvent_MaskedBeforeProviders() => _maskedBeforeProviders.InvokeAsync(_withoutId);

    // What an app runs: the same event, written by our provider straight from its state instead of through a Serilog LogEvent.
    [Benchmark]
    public Task Middleware_IdGenerated_ClefEvent_Direct() => _direct.InvokeAsync(_withoutId);

    private static DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/orders/42";
        context.Response.StatusCode = 200;
        return context;
    }

    private sealed class BenchmarkEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "orders";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
