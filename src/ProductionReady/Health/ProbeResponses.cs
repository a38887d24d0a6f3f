using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ProductionReady.Health;

/// <summary>
/// Every possible probe body, serialized once at startup: a probe answer costs no serialization.
/// <c>{"status":"Unhealthy","reason":"stopping"}</c> ("reason" only when the answer does not come from
/// the checks). Nothing else: probes answer anyone, and the service's version and commit are build
/// details that only callers allowed details get, in the overall report.
/// </summary>
internal sealed class ProbeResponses
{
    private static readonly HealthStatus[] Statuses = [HealthStatus.Unhealthy, HealthStatus.Degraded, HealthStatus.Healthy];
    private readonly byte[][] _bodies;
    private readonly int _reasons = Enum.GetValues<ProbeReason>().Length;

    public ProbeResponses()
    {
        _bodies = new byte[Statuses.Length * _reasons][];
        foreach (var status in Statuses)
        {
            foreach (var reason in Enum.GetValues<ProbeReason>())
            {
                _bodies[Index(status, reason)] = Serialize(status, reason);
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

    private static byte[] Serialize(HealthStatus status, ProbeReason reason)
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

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
