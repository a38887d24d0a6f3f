using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Parsing;

namespace ProductionReady.Logging.Clef;

/// <summary>
/// Writes each event as one line of CLEF, the Compact Log Event Format, byte for byte as
/// Serilog.Formatting.Compact writes it: <see cref="ClefFormatter(bool)"/> with <c>false</c> matches
/// <c>CompactJsonFormatter</c> (<c>@t @mt @r @l @x @tr @sp</c>, then the properties), with <c>true</c>
/// <c>RenderedCompactJsonFormatter</c> (<c>@t @m @i @l @x @tr @sp</c>, then the properties).
/// </summary>
/// <remarks>
/// Everything is written straight to the <see cref="TextWriter"/>: timestamps, numbers and trace ids are
/// formatted into stack buffers, messages and renderings are rendered into a reused per-thread buffer and escaped in one pass, template ids are
/// cached per template. Steady state, nothing is allocated per event; what remains is an exception's
/// <see cref="Exception.ToString()"/> and values that only have a <c>ToString()</c>.
/// </remarks>
internal sealed class ClefFormatter : ITextFormatter
{
    [ThreadStatic]
    private static CharBufferWriter? t_scratch;

    private readonly bool _renderMessage;
    private readonly ClefEventId.Cache _eventIds = new();

    /// <param name="renderMessage">Write the rendered message (<c>@m</c>) and the template hash (<c>@i</c>) instead of the template (<c>@mt</c>, <c>@r</c>).</param>
    public ClefFormatter(bool renderMessage = false) => _renderMessage = renderMessage;

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);

        Span<char> buffer = stackalloc char[40];
        output.Write("{\"@t\":\"");
        if (logEvent.Timestamp.UtcDateTime.TryFormat(buffer, out var written, "O", CultureInfo.InvariantCulture))
        {
            output.Write(buffer[..written]);
        }

        output.Write('"');

        if (_renderMessage)
        {
            WriteRenderedMessage(logEvent, output);
        }
        else
        {
            output.Write(",\"@mt\":");
            JsonText.WriteQuoted(logEvent.MessageTemplate.Text, output);
            WriteRenderings(logEvent, output);
        }

        if (logEvent.Level != LogEventLevel.Information)
        {
            output.Write(",\"@l\":\"");
            output.Write(LevelName(logEvent.Level));
            output.Write('"');
        }

        if (logEvent.Exception is { } exception)
        {
            output.Write(",\"@x\":");
            JsonText.WriteQuoted(exception.ToString(), output);
        }

        Span<byte> idBytes = stackalloc byte[16];
        if (logEvent.TraceId is { } traceId)
        {
            traceId.CopyTo(idBytes);
            WriteHexField(",\"@tr\":\"", idBytes, buffer, output);
        }

        if (logEvent.SpanId is { } spanId)
        {
            spanId.CopyTo(idBytes[..8]);
            WriteHexField(",\"@sp\":\"", idBytes[..8], buffer, output);
        }

        if (logEvent.Properties is Dictionary<string, LogEventPropertyValue> properties)
        {
            foreach (var property in properties)
            {
                WriteProperty(property.Key, property.Value, output);
            }
        }
        else
        {
            foreach (var property in logEvent.Properties)
            {
                WriteProperty(property.Key, property.Value, output);
            }
        }

        output.Write('}');
        output.WriteLine();
    }

    // W3C ids in their lower-case hex form, without building their strings.
    private static void WriteHexField(string prefix, ReadOnlySpan<byte> id, Span<char> buffer, TextWriter output)
    {
        output.Write(prefix);
        Convert.TryToHexStringLower(id, buffer, out var length);
        output.Write(buffer[..length]);
        output.Write('"');
    }

    private void WriteRenderedMessage(LogEvent logEvent, TextWriter output)
    {
        var message = Scratch();
        MessageRenderer.RenderMessage(logEvent, message);
        output.Write(",\"@m\":");
        JsonText.WriteQuoted(message.Written, output);
        output.Write(",\"@i\":\"");
        output.Write(_eventIds.Get(logEvent.MessageTemplate));
        output.Write('"');
    }

    // "@r": the renderings of the tokens that carry a format ({Count:000}), in template order.
    private static void WriteRenderings(LogEvent logEvent, TextWriter output)
    {
        var first = true;
        if (logEvent.MessageTemplate.Tokens is MessageTemplateToken[] tokens)
        {
            foreach (var token in tokens)
            {
                WriteRendering(token, logEvent, output, ref first);
            }
        }
        else
        {
            foreach (var token in logEvent.MessageTemplate.Tokens)
            {
                WriteRendering(token, logEvent, output, ref first);
            }
        }

        if (!first)
        {
            output.Write(']');
        }
    }

    private static void WriteRendering(MessageTemplateToken token, LogEvent logEvent, TextWriter output, ref bool first)
    {
        if (token is not PropertyToken { Format: not null } property)
        {
            return;
        }

        output.Write(first ? ",\"@r\":[" : ",");
        first = false;
        var rendering = Scratch();
        MessageRenderer.RenderToken(property, logEvent.Properties, rendering);
        JsonText.WriteQuoted(rendering.Written, output);
    }

    // Messages and renderings are rendered into this thread's reused buffer, then escaped in one pass.
    private static CharBufferWriter Scratch()
    {
        var scratch = t_scratch ??= new CharBufferWriter();
        scratch.Reset();
        return scratch;
    }

    private static void WriteProperty(string name, LogEventPropertyValue value, TextWriter output)
    {
        JsonText.WritePropertyName(name, output);
        JsonPropertyValueWriter.Write(value, output);
    }

    private static string LevelName(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "Verbose",
        LogEventLevel.Debug => "Debug",
        LogEventLevel.Information => "Information",
        LogEventLevel.Warning => "Warning",
        LogEventLevel.Error => "Error",
        LogEventLevel.Fatal => "Fatal",
        _ => ((int)level).ToString(CultureInfo.InvariantCulture),
    };
}
