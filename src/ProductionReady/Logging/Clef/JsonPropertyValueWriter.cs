using System.Globalization;
using Serilog.Events;

namespace ProductionReady.Logging.Clef;

/// <summary>
/// Writes Serilog property values as JSON exactly as Serilog's <c>JsonValueFormatter</c> with the type
/// tag <c>$type</c> does (what CompactJsonFormatter uses), but without building strings: numbers, dates
/// and ids are formatted into stack buffers and written as spans.
/// </summary>
internal static class JsonPropertyValueWriter
{
    private const string TypeTagName = "$type";

    public static void Write(LogEventPropertyValue value, TextWriter output)
    {
        switch (value)
        {
            case ScalarValue scalar:
                WriteScalar(scalar.Value, output);
                break;
            case SequenceValue sequence:
                WriteSequence(sequence, output);
                break;
            case StructureValue structure:
                WriteStructure(structure, output);
                break;
            case DictionaryValue dictionary:
                WriteDictionary(dictionary, output);
                break;
            default:
                // A custom value type Serilog's visitor would refuse; its text is the best we can keep.
                JsonText.WriteQuoted(value.ToString(null, CultureInfo.InvariantCulture), output);
                break;
        }
    }

    private static void WriteSequence(SequenceValue sequence, TextWriter output)
    {
        output.Write('[');
        var elements = sequence.Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }

            Write(elements[i], output);
        }

        output.Write(']');
    }

    private static void WriteStructure(StructureValue structure, TextWriter output)
    {
        output.Write('{');
        var properties = structure.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            if (i > 0)
            {
                output.Write(',');
            }

            var property = properties[i];
            JsonText.WriteQuoted(property.Name, output);
            output.Write(':');
            Write(property.Value, output);
        }

        if (structure.TypeTag is not null)
        {
            if (properties.Count > 0)
            {
                output.Write(',');
            }

            JsonText.WriteQuoted(TypeTagName, output);
            output.Write(':');
            JsonText.WriteQuoted(structure.TypeTag, output);
        }

        output.Write('}');
    }

    private static void WriteDictionary(DictionaryValue dictionary, TextWriter output)
    {
        output.Write('{');
        var first = true;
        if (dictionary.Elements is Dictionary<ScalarValue, LogEventPropertyValue> elements)
        {
            foreach (var element in elements)
            {
                WriteEntry(element.Key, element.Value, ref first, output);
            }
        }
        else
        {
            foreach (var element in dictionary.Elements)
            {
                WriteEntry(element.Key, element.Value, ref first, output);
            }
        }

        output.Write('}');
    }

    private static void WriteEntry(ScalarValue key, LogEventPropertyValue value, ref bool first, TextWriter output)
    {
        if (!first)
        {
            output.Write(',');
        }

        first = false;

        // The key's plain ToString(), as Serilog writes it (null becomes "null").
        JsonText.WriteQuoted(key.Value is string s ? s : (key.Value ?? "null").ToString(), output);
        output.Write(':');
        Write(value, output);
    }

    /// <summary>Writes a scalar as JSON: numbers and booleans bare, everything else as a string.</summary>
    public static void WriteScalar(object? value, TextWriter output)
    {
        switch (value)
        {
            case null:
                output.Write("null");
                return;
            case string s:
                JsonText.WriteQuoted(s, output);
                return;
            case int i:
                WriteFormatted(i, output);
                return;
            case long l:
                WriteFormatted(l, output);
                return;
            case double d:
                WriteApproximate(d, double.IsFinite(d), output);
                return;
            case bool b:
                output.Write(b ? "true" : "false");
                return;
            case uint ui:
                WriteFormatted(ui, output);
                return;
            case ulong ul:
                WriteFormatted(ul, output);
                return;
            case decimal m:
                WriteFormatted(m, output);
                return;
            case byte by:
                WriteFormatted(by, output);
                return;
            case sbyte sb:
                WriteFormatted(sb, output);
                return;
            case short sh:
                WriteFormatted(sh, output);
                return;
            case ushort us:
                WriteFormatted(us, output);
                return;
            case float f:
                WriteApproximate(f, float.IsFinite(f), output);
                return;
            case char c:
                output.Write('"');
                JsonText.WriteEscaped(c, output);
                output.Write('"');
                return;
            case DateTime dt:
                WriteQuotedFormatted(dt, "O", output);
                return;
            case DateTimeOffset dto:
                WriteQuotedFormatted(dto, "O", output);
                return;
            case TimeSpan ts:
                // TimeSpan.ToString() is the invariant constant ("c") format.
                WriteQuotedFormatted(ts, "c", output);
                return;
            case DateOnly date:
                WriteQuotedFormatted(date, "O", output);
                return;
            case TimeOnly time:
                WriteQuotedFormatted(time, "O", output);
                return;
            case Guid guid:
                WriteQuotedFormatted(guid, "D", output);
                return;
            default:
                // Serilog writes any other value as the string of its ToString().
                JsonText.WriteQuoted(value.ToString(), output);
                return;
        }
    }

    // Round-trip ("R") numbers; NaN and the infinities are not JSON numbers, so Serilog writes them as strings.
    private static void WriteApproximate<T>(T value, bool finite, TextWriter output)
        where T : ISpanFormattable
    {
        if (finite)
        {
            WriteFormatted(value, "R", output);
        }
        else
        {
            JsonText.WriteQuoted(value.ToString(null, CultureInfo.InvariantCulture), output);
        }
    }

    private static void WriteFormatted<T>(T value, TextWriter output)
        where T : ISpanFormattable => WriteFormatted(value, null, output);

    /// <summary>Writes <paramref name="value"/> formatted with the invariant culture, through a stack buffer.</summary>
    internal static void WriteFormatted<T>(T value, string? format, TextWriter output)
        where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            output.Write(buffer[..written]);
        }
        else
        {
            output.Write(value.ToString(format, CultureInfo.InvariantCulture));
        }
    }

    private static void WriteQuotedFormatted<T>(T value, string format, TextWriter output)
        where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[64];
        output.Write('"');
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            output.Write(buffer[..written]);
        }
        else
        {
            output.Write(value.ToString(format, CultureInfo.InvariantCulture));
        }

        output.Write('"');
    }
}
