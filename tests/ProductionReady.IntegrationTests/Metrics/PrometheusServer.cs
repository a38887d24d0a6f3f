using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Metrics;

/// <summary>
/// A real Prometheus server (Debian package <c>prometheus</c>) on a free loopback port, scraping one
/// loopback target every second, with its own temporary storage. Disposing stops it and deletes the storage.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/prometheus";
    private readonly Process _process;
    private readonly string _root;
    private readonly HttpClient _client;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private PrometheusServer(Process process, string root, int port)
    {
        _process = process;
        _root = root;
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Starts Prometheus scraping <paramref name="target"/> (host:port) at <paramref name="metricsPath"/> every second.</summary>
    public static async Task<PrometheusServer> StartAsync(string target, string metricsPath = "/metrics")
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"Prometheus is required by this test and is not installed ({Binary} is missing): run 'bash tests/run-all.sh' as root, which installs it, or 'apt-get install prometheus'.");
        }

        var root = Path.Combine(Path.GetTempPath(), "pr-prometheus-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var config = Path.Combine(root, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: sample
                metrics_path: {metricsPath}
                static_configs:
                  - targets: ['{target}']
            """);

        var port = FreePort.Next();
        var info = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in new[]
        {
            "--config.file=" + config,
            "--storage.tsdb.path=" + Path.Combine(root, "data"),
            "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var server = new PrometheusServer(process, root, port);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) server._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) server._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    public string Output => string.Join('\n', _output);

    /// <summary>Runs an instant PromQL query; returns each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promQl)
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/v1/query?query=" + Uri.EscapeDataString(promQl));
        if (json.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus refused the query {promQl}: {json}");
        }

        return json.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(r => (
                (IReadOnlyDictionary<string, string>)r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty),
                double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))
            .ToArray();
    }

    /// <summary>Every series Prometheus stored, as its raw JSON text (labels and values).</summary>
    public async Task<string> AllSeriesJsonAsync() =>
        await _client.GetStringAsync("/api/v1/series?match[]=" + Uri.EscapeDataString("{__name__=~\".+\"}"));

    /// <summary>Polls <paramref name="promQl"/> until <paramref name="done"/> holds, failing with the last answer and Prometheus' output.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> WaitForAsync(
        string promQl, Func<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)> last = [];
        while (DateTime.UtcNow < deadline)
        {
            last = await QueryAsync(promQl);
            if (done(last))
            {
                return last;
            }

            await Task.Delay(250);
        }

        var targets = await _client.GetStringAsync("/api/v1/targets");
        throw new TimeoutException(
            $"{promQl} never matched; last answer: [{string.Join("; ", last.Select(s => string.Join(',', s.Labels.Select(l => l.Key + "=" + l.Value)) + " " + s.Value))}]\ntargets: {targets}\nprometheus:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prometheus exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await _client.GetAsync(new Uri("/-/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Prometheus did not become ready:\n{Output}");
    }
}
