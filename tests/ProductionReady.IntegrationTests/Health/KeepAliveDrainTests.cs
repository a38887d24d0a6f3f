using System.Net;
using System.Net.Sockets;
using System.Text;
using ProductionReady.IntegrationTests.Infrastructure;

namespace ProductionReady.IntegrationTests.Health;

/// <summary>
/// The drain loses no request on keep-alive connections: 8 clients on persistent HTTP/1.1 connections
/// at a steady rate across SIGTERM. From the moment shutdown begins, responses carry
/// <c>Connection: close</c>, so each client moves to a fresh connection before the server stops; no
/// request sent on an established connection fails. (A fresh connection refused once the server has
/// stopped is what a load balancer retries elsewhere; those are counted apart.)
/// </summary>
public sealed class KeepAliveDrainTests
{
    private const int Clients = 8;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    [Fact]
    public async Task Keep_alive_clients_lose_no_request_on_an_established_connection_across_sigterm()
    {
        await using var sample = SampleProcess.Start(new Dictionary<string, string?> { ["ProductionReady__Health__DrainDelay"] = "00:00:02" });
        await sample.WaitUntilReadyAsync();

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reusing = Enumerable.Range(0, Clients).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var clients = reusing.Select(reused => Task.Run(() => RunClientAsync(sample, reused, stop.Token))).ToArray();

        // Every client is on an established, reused connection before the signal: each says so after its first reuse.
        await Task.WhenAll(reusing.Select(r => r.Task)).WaitAsync(TimeSpan.FromSeconds(30));
        sample.SendSigterm();
        Assert.Equal(0, await sample.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var results = await Task.WhenAll(clients);

        var reusedBeforeSignal = results.Sum(r => r.ReusedOk);
        var lost = results.Sum(r => r.LostOnEstablished);
        var closes = results.Sum(r => r.ClosedByServer);
        Assert.True(reusedBeforeSignal > Clients, $"the clients did not reuse their connections ({reusedBeforeSignal})");
        Assert.True(lost == 0, $"{lost} request(s) failed on an established connection: " + string.Join("; ", results.SelectMany(r => r.Failures)));
        Assert.True(closes >= Clients, $"the server asked only {closes} connection(s) to close during the drain");
    }

    private static async Task<ClientResult> RunClientAsync(SampleProcess sample, TaskCompletionSource reused, CancellationToken cancellationToken)
    {
        var result = new ClientResult();
        TcpClient? connection = null;
        var served = 0;
        var request = Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: 127.0.0.1:{sample.Port}\r\n\r\n");
        var refusedInARow = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested && refusedInARow < 20)
            {
                await Task.Delay(Interval, cancellationToken);
                if (connection is null)
                {
                    connection = new TcpClient { NoDelay = true };
                    try
                    {
                        await connection.ConnectAsync(IPAddress.Loopback, sample.Port, cancellationToken);
                        refusedInARow = 0;
                    }
                    catch (SocketException)
                    {
                        // A fresh connection the stopped server no longer accepts: not a lost request.
                        connection.Dispose();
                        connection = null;
                        refusedInARow++;
                        continue;
                    }

                    served = 0;
                }

                var established = served > 0;
                var (ok, close, error) = await SendAsync(connection, request, cancellationToken);
                if (!ok)
                {
                    if (established)
                    {
                        result.LostOnEstablished++;
                        result.Failures.Add(error);
                    }

                    connection.Dispose();
                    connection = null;
                    continue;
                }

                if (established)
                {
                    result.ReusedOk++;
                    reused.TrySetResult();
                }

                served++;
                if (close)
                {
                    result.ClosedByServer++;
                    connection.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            connection?.Dispose();
        }

        return result;
    }

    private static async Task<(bool Ok, bool Close, string Error)> SendAsync(TcpClient connection, byte[] request, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var stream = connection.GetStream();
            await stream.WriteAsync(request, timeout.Token);
            var buffer = new byte[16 * 1024];
            var received = 0;
            var headerEnd = -1;
            while (headerEnd < 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(received), timeout.Token);
                if (read == 0)
                {
                    return (false, false, "the connection closed before a response");
                }

                received += read;
                headerEnd = Encoding.ASCII.GetString(buffer, 0, received).IndexOf("\r\n\r\n", StringComparison.Ordinal);
            }

            var head = Encoding.ASCII.GetString(buffer, 0, headerEnd);
            var lines = head.Split("\r\n");
            var length = lines.Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Select(l => int.Parse(l[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            var chunked = lines.Any(l => l.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && l.Contains("chunked", StringComparison.OrdinalIgnoreCase));
            var close = lines.Any(l => l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) && l.Contains("close", StringComparison.OrdinalIgnoreCase));
            var body = Encoding.ASCII.GetString(buffer, headerEnd + 4, received - (headerEnd + 4));
            while (chunked ? !body.EndsWith("0\r\n\r\n", StringComparison.Ordinal) : body.Length < length)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return (false, false, "the connection closed in the middle of a response");
                }

                body += Encoding.ASCII.GetString(buffer, 0, read);
            }

            return lines[0].StartsWith("HTTP/1.1 200", StringComparison.Ordinal) ? (true, close, string.Empty) : (false, close, lines[0]);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            return (false, false, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private sealed class ClientResult
    {
        public int ReusedOk { get; set; }

        public int LostOnEstablished { get; set; }

        public int ClosedByServer { get; set; }

        public List<string> Failures { get; } = [];
    }
}
