using System.Diagnostics;
using System.Globalization;
using ProductionReady.Common;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace ProductionReady.Logging;

/// <summary>
/// Writes the request completion event straight from its <see cref="RequestCompletedState"/> as the CLEF line that
/// Serilog's way (provider → <see cref="LogEvent"/> → <see cref="LogEventStage"/> → <c>CompactJsonFormatter</c>) writes
/// for it, character for character, without building the event: the one event every request writes costs about a
/// quarter of what it did in process (docs/performance.md).
/// </summary>
/// <remarks>
/// <para>
/// Built only where Serilog's way is ProductionReady's alone (<see cref="LogPipeline"/> decides): CLEF through
/// <see cref="BatchingLogSink"/>, no <c>Serilog</c> section and no <see cref="ProductionReadyLoggingOptions.SerilogConfigurations"/>,
/// so no enricher, filter, level override or sink of the app's is bypassed. Other providers (OpenTelemetry's) still
/// receive the event through Microsoft.Extensions.Logging as before; this replaces only our provider's work.
/// </para>
/// <para>
/// The scopes around the event (the server's connection and request scopes, the app's own) become properties as
/// Serilog.Extensions.Logging makes them. A scope it cannot write identically (an object, a collection, a message
/// scope, a destructuring <c>@</c> name, a secret name or value, a name the event already has) sends the event Serilog's
/// way, which is always right; <c>RequestEventWriterTests</c> holds the two ways to the same line.
/// </para>
/// </remarks>
internal sealed class RequestEventWriter
{
    private const string Information = "";
    private const string Warning = ",\"@l\":\"Warning\"";

    private readonly BatchingLogSink _sink;
    private readonly SecretMasker _masker;
    private readonly EventId _eventId;
    private readonly string _afterEventId;
    private readonly string _identity;

    public RequestEventWriter(BatchingLogSink sink, SecretMasker masker, ServiceIdentity identity, EventId eventId, string category)
    {
        _sink = sink;
        _masker = masker;
        _eventId = eventId;

        // What Serilog writes for the parts that never change, written by Serilog's own value formatter once.
        var formatter = new JsonValueFormatter(typeTagName: "$type");
        var eventIdValue = new StructureValue(
        [
            new LogEventProperty("Id", new ScalarValue(eventId.Id)),
            new LogEventProperty("Name", new ScalarValue(eventId.Name)),
        ]);
        _afterEventId = Properties(formatter, [new LogEventProperty("EventId", eventIdValue), new LogEventProperty(Serilog.Core.Constants.SourceContextPropertyName, new ScalarValue(category))]);
        _identity = Properties(formatter, LogEventStage.IdentityProperties(identity));
    }

    /// <summary>
    /// Writes the event; false (nothing written) when it must go Serilog's way: a level other than Information or
    /// Warning, another event id, or a scope this writer cannot write as Serilog would.
    /// </summary>
    public bool TryWrite(LogLevel level, EventId eventId, in RequestCompletedState state, IExternalScopeProvider? scopes)
    {
        var levelText = level switch
        {
            LogLevel.Information => Information,
            LogLevel.Warning => Warning,
            _ => null,
        };
        if (levelText is null || eventId.Id != _eventId.Id || !string.Equals(eventId.Name, _eventId.Name, StringComparison.Ordinal))
        {
            return false;
        }

        // The masking logger in front has searched these texts already (a reference check now); checked here too, so that
        // this writer never prints a secret whoever hands it the state.
        if (!_masker.IsClean(state))
        {
            return false;
        }

        var scopeProperties = ScopeProperties.Collect(scopes, _masker);
        if (scopeProperties is null)
        {
            return false;
        }

        var timestamp = DateTime.UtcNow;
        var line = BatchingLogSink.Scratch();
        Span<char> number = stackalloc char[40];

        line.Write("{\"@t\":\"");
        timestamp.TryFormat(number, out var written, "O", CultureInfo.InvariantCulture);
        line.Write(number[..written]);
        line.Write("\",\"@mt\":");
        JsonValueFormatter.WriteQuotedJsonString(state.MessageTemplate, line);
        line.Write(levelText);
        if (Activity.Current is { } activity)
        {
            // As Serilog: each id only when it is not the empty one.
            if (activity.TraceId != default)
            {
                line.Write(",\"@tr\":\"");
                line.Write(activity.TraceId.ToHexString());
                line.Write('"');
            }

            if (activity.SpanId != default)
            {
                line.Write(",\"@sp\":\"");
                line.Write(activity.SpanId.ToHexString());
                line.Write('"');
            }
        }

        line.Write(",\"RequestMethod\":");
        JsonValueFormatter.WriteQuotedJsonString(state.Method, line);
        line.Write(",\"RequestPath\":");
        JsonValueFormatter.WriteQuotedJsonString(state.Path, line);
        line.Write(",\"StatusCode\":");
        state.StatusCode.TryFormat(number, out written, provider: CultureInfo.InvariantCulture);
        line.Write(number[..written]);
        line.Write(",\"ElapsedMs\":");
        WriteDouble(state.ElapsedMs, number, line);
        line.Write(",\"RequestId\":");
        JsonValueFormatter.WriteQuotedJsonString(state.RequestId, line);
        if (state.GrpcStatus is { } grpcStatus)
        {
            line.Write(",\"GrpcStatus\":");
            grpcStatus.TryFormat(number, out written, provider: CultureInfo.InvariantCulture);
            line.Write(number[..written]);
        }

        line.Write(_afterEventId);
        scopeProperties.WriteTo(line, number);
        line.Write(_identity);
        line.Write('}');
        line.WriteLine();
        _sink.EmitFormatted(line.Written, new DateTimeOffset(timestamp));
        return true;
    }

    private static string Properties(JsonValueFormatter formatter, IEnumerable<LogEventProperty> properties)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var property in properties)
        {
            text.Write(',');
            JsonValueFormatter.WriteQuotedJsonString(property.Name, text);
            text.Write(':');
            formatter.Format(property.Value, text);
        }

        return text.ToString();
    }

    // Serilog's JsonValueFormatter: round-trip form; not-a-number and infinities as strings (an elapsed time is neither).
    private static void WriteDouble(double value, Span<char> buffer, TextWriter line)
    {
        if (double.IsFinite(value) && value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
        {
            line.Write(buffer[..written]);
            return;
        }

        JsonValueFormatter.WriteQuotedJsonString(value.ToString(CultureInfo.InvariantCulture), line);
    }
}
