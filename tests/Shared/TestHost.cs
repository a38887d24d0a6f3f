using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Testing;

namespace ProductionReady.TestSupport;

/// <summary>Which server a <see cref="TestHost"/> runs on.</summary>
internal enum TestServerKind
{
    /// <summary>TestServer: requests in memory, the remote address and every request detail chosen by the test.</summary>
    InMemory,

    /// <summary>Real Kestrel on 127.0.0.1, on a port the operating system picks (or the one given).</summary>
    Kestrel,
}

/// <summary>
/// The one host the tests start a capability in: a <see cref="WebApplication"/> on TestServer or on real Kestrel at
/// 127.0.0.1, its log events captured, a client that talks to it, stopped and disposed with the test. A test (or its
/// capability's preset next to it) says what to register in <c>configure</c> and what to put in the pipeline in
/// <c>pipeline</c>. Compiled into the test projects that start apps.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly string? _contentRoot;
    private HttpClient? _client;

    private TestHost(WebApplication app, TestServerKind server, FakeLogCollector logs, string? contentRoot)
    {
        App = app;
        ServerKind = server;
        Logs = logs;
        _contentRoot = contentRoot;
    }

    /// <summary>The app itself.</summary>
    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public TestServerKind ServerKind { get; }

    /// <summary>Every log event (empty when the host kept the default providers), with its structured properties.</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>The temporary content root (with an empty <c>wwwroot</c>) when one was asked for; deleted on dispose.</summary>
    public string ContentRoot => _contentRoot ?? throw new InvalidOperationException("Start the host with contentRoot: true.");

    /// <summary>Where a Kestrel host listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address => ServerKind == TestServerKind.Kestrel
        ? new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Host == "127.0.0.1" && a.Port != 0), "/")
        : throw new InvalidOperationException("An in-memory host has no address.");

    /// <summary>The origin of a Kestrel host, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Origin => Address.GetLeftPart(UriPartial.Authority);

    /// <summary>The in-memory server (TestServer hosts only).</summary>
    public TestServer Server => App.GetTestServer();

    /// <summary>A client for the app, made once: the in-memory client, or one without a proxy to the Kestrel address.</summary>
    public HttpClient Client => _client ??= ServerKind == TestServerKind.Kestrel
        ? new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) }
        : App.GetTestClient();

    /// <summary>
    /// Builds the app and starts it (unless <paramref name="start"/> is false: the test then starts <see cref="App"/>).
    /// <paramref name="configure"/> registers services; <paramref name="pipeline"/> builds the pipeline.
    /// <paramref name="captureLogs"/> replaces the logging providers with <see cref="Logs"/> from
    /// <paramref name="minimumLogLevel"/> up; false keeps the defaults (a test of a logging provider needs them).
    /// </summary>
    public static async Task<TestHost> StartAsync(
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? pipeline = null,
        string environment = "Production",
        TestServerKind server = TestServerKind.InMemory,
        int port = 0,
        bool captureLogs = true,
        LogLevel minimumLogLevel = LogLevel.Information,
        bool contentRoot = false,
        bool start = true)
    {
        var root = contentRoot ? Directory.CreateTempSubdirectory("pr-test-host-").FullName : null;
        if (root is not null)
        {
            Directory.CreateDirectory(Path.Combine(root, "wwwroot"));
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = root,
            WebRootPath = root is null ? null : Path.Combine(root, "wwwroot"),
        });
        if (server == TestServerKind.Kestrel)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        var logs = new FakeLogCollector();
        if (captureLogs)
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(minimumLogLevel);
            builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        var host = new TestHost(app, server, logs, root);
        pipeline?.Invoke(app);
        if (start)
        {
            try
            {
                await app.StartAsync();
            }
            catch
            {
                // Not StopAsync: a host that did not start cannot stop, and the start's own error is the one to see.
                await app.DisposeAsync();
                host.DeleteContentRoot();
                throw;
            }
        }

        return host;
    }

    /// <summary>An in-memory client with another base address (the host name a test's request should carry).</summary>
    public HttpClient CreateClient(string baseAddress)
    {
        var client = App.GetTestClient();
        client.BaseAddress = new Uri(baseAddress);
        return client;
    }

    /// <summary>Sends one in-memory request with the remote address (and anything else) the test chooses.</summary>
    public async Task<TestResponse> SendAsync(string path, string method = "GET", System.Net.IPAddress? remote = null, Action<HttpContext>? request = null)
    {
        var context = await Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = remote;
            request?.Invoke(c);
        });
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return new TestResponse(context.Response.StatusCode, context.Response.Headers, await reader.ReadToEndAsync());
    }

    /// <summary>Waits for the first captured event that matches; fails after <paramref name="timeout"/> (30 s by default).</summary>
    public async Task<FakeLogRecord> WaitForLogAsync(Func<FakeLogRecord, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Logs.GetSnapshot().FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("The awaited event was not logged. Events:\n" + string.Join('\n', Logs.GetSnapshot().Select(e => $"{e.Level} {e.Id.Name}: {e.Message}")));
            }

            await Task.Delay(20);
        }
    }

    /// <summary>
    /// The events logged while the host started, up to a marker: a callback registered now on ApplicationStarted (which
    /// has fired, so it runs after every callback registered during the start, where start-up warnings are written)
    /// logs the marker. An event missing from the result was not written at start, whatever the machine's speed.
    /// </summary>
    public async Task<IReadOnlyList<FakeLogRecord>> StartupEventsAsync()
    {
        const string Marker = "TestHostStartupMarker";
        var logger = Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TestHost).FullName!);
        App.Lifetime.ApplicationStarted.Register(() => logger.Log(LogLevel.Warning, new EventId(1, Marker), "the start-up callbacks have run", null, (m, _) => m));
        await WaitForLogAsync(e => e.Id.Name == Marker);
        return [.. Logs.GetSnapshot().TakeWhile(e => e.Id.Name != Marker)];
    }

    /// <summary>Polls <paramref name="path"/> until it answers <paramref name="expected"/>; fails with the last answer.</summary>
    public async Task WaitForStatusAsync(string path, System.Net.HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = default(System.Net.HttpStatusCode);
        while (DateTime.UtcNow < deadline)
        {
            using (var response = await Client.GetAsync(new Uri(path, UriKind.Relative)))
            {
                last = response.StatusCode;
            }

            if (last == expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{path} still answers {(int)last} after {timeout}, expected {(int)expected}.");
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        DeleteContentRoot();
    }

    private void DeleteContentRoot()
    {
        if (_contentRoot is not null)
        {
            try
            {
                Directory.Delete(_contentRoot, recursive: true);
            }
            catch (IOException)
            {
                // A temp dir left behind is harmless.
            }
        }
    }
}

/// <summary>An in-memory response: status, headers and body.</summary>
internal sealed record TestResponse(int StatusCode, IHeaderDictionary Headers, string Body);
