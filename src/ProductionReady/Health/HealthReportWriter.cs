using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductionReady.Common;

namespace ProductionReady.Health;

/// <summary>
/// Writes the overall report in the shape of AspNetCore.HealthChecks.UI's <c>UIResponseWriter</c>
/// (<c>status</c>, <c>totalDuration</c>, <c>entries{name:{data,description,duration,exception?,status,tags}}</c>),
/// so existing dashboards read it, plus what is running: service, version, commit, environment, uptime.
/// Callers without the right to details get <c>{"status":"..."}</c> alone. Exception messages appear
/// only in Development; elsewhere a description that merely repeats the exception is replaced.
/// </summary>
internal sealed class HealthReportWriter
{
    private const string HiddenFailure = "The check failed; the service logs hold the error.";
    private readonly ServiceIdentity _identity;
    private readonly bool _showExceptions;

    public HealthReportWriter(ServiceIdentity identity, IHostEnvironment environment)
    {
        _identity = identity;
        _showExceptions = environment.IsDevelopment();
    }

    public static string FormatDuration(TimeSpan duration) => duration.ToString("c", CultureInfo.InvariantCulture);

    public static byte[] StatusOnly(HealthStatus status)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", status.ToString());
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public byte[] Detailed(HealthStatus status, HealthReport report, ApplicationAvailability availability)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", status.ToString());
            json.WriteString("totalDuration", FormatDuration(report.TotalDuration));
            json.WriteString("service", _identity.Name);
            json.WriteString("version", _identity.Version);
            if (_identity.Commit is not null)
            {
                json.WriteString("commit", _identity.Commit);
            }

            json.WriteString("environment", _identity.Environment);
            json.WriteString("uptime", FormatDuration(availability.Uptime));
            json.WriteString("phase", availability.Phase.ToString());
            json.WriteBoolean("startupComplete", availability.IsStartupComplete);
            if (availability.BrokenReason is { } broken)
            {
                json.WriteString("brokenReason", broken);
            }

            json.WriteStartObject("entries");
            foreach (var (name, entry) in report.Entries)
            {
                WriteEntry(json, name, entry);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void WriteEntry(Utf8JsonWriter json, string name, HealthReportEntry entry)
    {
        json.WriteStartObject(name);
        json.WriteStartObject("data");
        foreach (var (key, value) in entry.Data)
        {
            json.WritePropertyName(key);
            WriteValue(json, value);
        }

        json.WriteEndObject();

        var description = entry.Description;
        if (!_showExceptions && entry.Exception is { } ex && description is not null && description.Contains(ex.Message, StringComparison.Ordinal))
        {
            description = HiddenFailure;
        }

        if (description is not null)
        {
            json.WriteString("description", description);
        }

        json.WriteString("duration", FormatDuration(entry.Duration));
        if (_showExceptions && entry.Exception is not null)
        {
            json.WriteString("exception", entry.Exception.Message);
        }

        json.WriteString("status", entry.Status.ToString());
        json.WriteStartArray("tags");
        foreach (var tag in entry.Tags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case TimeSpan t:
                json.WriteStringValue(FormatDuration(t));
                break;
            case DateTime or DateTimeOffset:
                json.WriteStringValue(((IFormattable)value).ToString("O", CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
