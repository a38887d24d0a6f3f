using System.Net;
using System.Net.Security;
using System.Net.Sockets;

namespace ProductionReady.Health;

/// <summary>
/// <c>app --probe live|ready|startup</c>: a health check for containers without curl (chiseled
/// images). Sends one GET to the instance already running on this machine and returns the exit
/// code: 0 on 200, 1 on anything else (another status, no answer, bad usage), within
/// <see cref="ProductionReadyHealthOptions.ProbeCommandTimeout"/>.
/// </summary>
internal static class ProbeCommand
{
    public const string Switch = "--probe";

    /// <summary>
    /// Sends the probe. <paramref name="hasWebServer"/> false (a worker): to the probe port ProductionReady
    /// listens on itself (<see cref="ProductionReadyHealthOptions.Port"/>); true: to where the app's server listens.
    /// </summary>
    public static int Run(IConfiguration configuration, Action<ProductionReadyHealthOptions>? configure, string probe, TextWriter output, TextWriter error, bool hasWebServer = true)
    {
        var options = new ProductionReadyHealthOptions();
        try
        {
            configuration.GetSection(ProductionReadyHealthOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // Docker reads any exit code but 0 and 1 as reserved: a crash must still exit 1.
            error.WriteLine($"--probe {probe}: the {ProductionReadyHealthOptions.SectionName} configuration is invalid: {ex.Message}");
            return 1;
        }

        configure?.Invoke(options);
        var timeout = options.ProbeCommandTimeout > TimeSpan.Zero ? options.ProbeCommandTimeout : new ProductionReadyHealthOptions().ProbeCommandTimeout;

        // The report is not a probe the orchestrator calls.
        var path = ProbePaths.Of(options)
            .Where(p => p.Kind != ProbeKind.Report && string.Equals(p.Kind.ToString(), probe, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Path)
            .FirstOrDefault();
        if (path is null)
        {
            error.WriteLine($"--probe: unknown probe '{probe}'; use --probe live, --probe ready or --probe startup.");
            return 1;
        }

        Uri target;
        var http2Only = false;
        try
        {
            var origin = hasWebServer
                ? ProbeTarget.Resolve(configuration, out http2Only)
                : new Uri($"http://127.0.0.1:{(options.Port ?? ProductionReadyHealthOptions.DefaultWorkerPort).ToString(System.Globalization.CultureInfo.InvariantCulture)}/");
            target = new Uri(origin, path);
        }
        catch (FormatException ex)
        {
            error.WriteLine($"--probe {probe}: cannot tell where the app listens: {ex.Message}");
            return 1;
        }

        return Send(target, probe, timeout, output, error, http2Only);
    }

    public static int Send(Uri target, string probe, TimeSpan timeout, TextWriter output, TextWriter error, bool http2Only = false)
    {
        var loopback = target.IsLoopback;
        using var handler = new SocketsHttpHandler
        {
            // Never through a proxy: the target is this machine.
            UseProxy = false,
            ConnectTimeout = timeout,
            SslOptions = new SslClientAuthenticationOptions
            {
                // On loopback this is the app's own certificate: a development or internal
                // certificate must not fail the probe. Anywhere else, the usual validation.
                RemoteCertificateValidationCallback = (_, _, _, errors) => loopback || errors == SslPolicyErrors.None,
            },
        };
        using var client = new HttpClient(handler) { Timeout = timeout };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target);
            if (http2Only)
            {
                // An HTTP/2-only endpoint (a gRPC service) answers HTTP/1.1 with 400.
                request.Version = HttpVersion.Version20;
                request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            }

            // SocketsHttpHandler sends HTTP/2 asynchronously only; nothing else runs yet in this process.
            using var response = http2Only ? client.SendAsync(request).GetAwaiter().GetResult() : client.Send(request);
            output.WriteLine($"{probe}: {(int)response.StatusCode} {response.ReasonPhrase} from {target}");
            return response.StatusCode == HttpStatusCode.OK ? 0 : 1;
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            // Said as it is: an instant refusal is not a timeout.
            error.WriteLine($"{probe}: {target} refused the connection: nothing listens on port {target.Port} (is the app running, and on this port?)");
            return 1;
        }
        catch (HttpRequestException ex)
        {
            error.WriteLine($"{probe}: the request to {target} failed: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is TaskCanceledException or OperationCanceledException)
        {
            error.WriteLine($"{probe}: no answer from {target} within {timeout.TotalSeconds:0.#} s");
            return 1;
        }
    }
}
