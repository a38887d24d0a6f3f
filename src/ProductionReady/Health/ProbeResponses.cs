using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>
/// Every possible probe body, serialized once at startup: a probe answer costs no serialization.
/// <c>{"status":"Healthy","reason":"stopping","service":"orders","version":"1.4.2","commit":"9f1c2ab"}</c>
/// ("reason" only when the answer does not come from the checks), so an operator sees what runs.
/// </summary>
internal sealed class ProbeResponses
{
    private static readonly HealthStatus[] Statuses = [HealthStatus.Unhealthy, HealthStatus.Degraded, HealthStatus.Healthy];
    private readonly byte[][] _bodies;
    private readonly int _reasons = Enum.GetValues<ProbeReason>().Length;

    public ProbeResponses(ServiceIdentity identity)
    {
        _bodies = new byte[Statuses.Length * _reasons][];
        foreach (var status in Statuses)
        {
            foreach (var reason in Enum.GetValues<ProbeReason>())
            {
                _bodies[Index(status, reason)] = Serialize(identity, status, reason);
            }
        }
    }

    public ReadOnlyMemory<byte> Body(HealthStatus status, ProbeReason reason) => _bodies[Index(status, reason)];

    public static string ReasonText(ProbeReason reason) => reason switch
    {
        ProbeReason.Starting => "starting",
        ProbeReason.StartupPending => "startup pending",
        ProbeReason.StartupFailed => "startup failed",
        ProbeReason.Stopping => "stopping",
        ProbeReason.Broken => "broken",
        _ => "checks",
    };

    private int Index(HealthStatus status, ProbeReason reason) => ((int)status * _reasons) + (int)reason;

    private static byte[] Serialize(ServiceIdentity identity, HealthStatus status, ProbeReason reason)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", status.ToString());
            if (reason != ProbeReason.Checks)
            {
                json.WriteString("reason", ReasonText(reason));
            }

            json.WriteString("service", identity.Name);
            json.WriteString("version", identity.Version);
            if (identity.Commit is not null)
            {
                json.WriteString("commit", identity.Commit);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
