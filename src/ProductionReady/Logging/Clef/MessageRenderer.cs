using System.Globalization;
using Serilog.Events;
using Serilog.Parsing;

namespace ProductionReady.Logging.Clef;

/// <summary>
/// Renders a message template (CLEF's <c>@m</c>) or one formatted token (an <c>@r</c> entry) exactly as
/// Serilog renders it with the invariant culture, but formats scalar values into a stack buffer instead of
/// allocating their strings, and writes to the sealed buffer writer (direct calls, not virtual ones).
/// Anything unusual (alignment, structured values) is handed to Serilog itself.
/// </summary>
internal static class MessageRenderer
{
    public static void RenderMessage(LogEvent logEvent, CharBufferWriter output)
    {
        if (logEvent.MessageTemplate.Tokens is MessageTemplateToken[] tokens)
        {
            foreach (var token in tokens)
            {
                RenderToken(token, logEvent.Properties, output);
            }
        }
        else
        {
            foreach (var token in logEvent.MessageTemplate.Tokens)
            {
                RenderToken(token, logEvent.Properties, output);
            }
        }
    }

    public static void RenderToken(MessageTemplateToken token, IReadOnlyDictionary<string, LogEventPropertyValue> properties, CharBufferWriter output)
    {
        if (token is TextToken text)
        {
            output.Write(text.Text);
            return;
        }

        var property = (PropertyToken)token;
        if (property.Alignment is not null || !properties.TryGetValue(property.PropertyName, out var value))
        {
            // Padding, or a token without a value (rendered as its raw text): Serilog's own rendering.
            property.Render(properties, output, CultureInfo.InvariantCulture);
            return;
        }

        if (value is ScalarValue scalar)
        {
            RenderScalar(scalar.Value, property.Format, output);
        }
        else
        {
            value.Render(output, property.Format, CultureInfo.InvariantCulture);
        }
    }

    // Serilog's ScalarValue rendering: strings quoted (inner quotes backslashed) unless formatted ":l",
    // formattable values with the token's format and the invariant culture, anything else its ToString().
    private static void RenderScalar(object? value, string? format, CharBufferWriter output)
    {
        switch (value)
        {
            case null:
                output.Write("null");
                return;
            case string s when format == "l":
                output.Write(s);
                return;
            case string s:
                output.Write('"');
                var rest = s.AsSpan();
                for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
                {
                    output.Write(rest[..quote]);
                    output.Write("\\\"");
                    rest = rest[(quote + 1)..];
                }

                output.Write(rest);
                output.Write('"');
                return;
            // Exact types first: a boxed int or double is matched without an interface check, and formatted unboxed.
            case int number:
                JsonPropertyValueWriter.WriteFormatted(number, format, output);
                return;
            case long number:
                JsonPropertyValueWriter.WriteFormatted(number, format, output);
                return;
            case double number:
                JsonPropertyValueWriter.WriteFormatted(number, format, output);
                return;
            case ISpanFormattable formattable:
                JsonPropertyValueWriter.WriteFormatted(formattable, format, output);
                return;
            case IFormattable formattable:
                output.Write(formattable.ToString(format, CultureInfo.InvariantCulture));
                return;
            default:
                output.Write(value.ToString());
                return;
        }
    }
}
