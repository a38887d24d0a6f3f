using System.Buffers;
using System.Globalization;

namespace ProductionReady.Logging.Clef;

/// <summary>
/// JSON text primitives with exactly the escaping of Serilog's <c>JsonValueFormatter.WriteQuotedJsonString</c>:
/// <c>"</c>, <c>\</c> and the C0 controls are escaped (<c>\n \r \f \t</c> by name, the rest as <c>\uXXXX</c>
/// in upper-case hex); everything else, including DEL, U+2028 and lone surrogates, is written as is
/// (the output encoding decides what a lone surrogate becomes). Written straight to the
/// <see cref="TextWriter"/> in clean runs: no strings are built.
/// </summary>
internal static class JsonText
{
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\");

    // Short clean strings are assembled on the stack and handed over in one write instead of three.
    private const int ShortText = 96;

    /// <summary>Writes <paramref name="text"/> as a quoted JSON string.</summary>
    public static void WriteQuoted(ReadOnlySpan<char> text, TextWriter output)
    {
        if (text.Length <= ShortText && !text.ContainsAny(NeedsEscape))
        {
            Span<char> quoted = stackalloc char[ShortText + 2];
            quoted[0] = '"';
            text.CopyTo(quoted[1..]);
            quoted[text.Length + 1] = '"';
            output.Write(quoted[..(text.Length + 2)]);
            return;
        }

        output.Write('"');
        WriteEscaped(text, output);
        output.Write('"');
    }

    /// <summary>
    /// Writes <c>,"name":</c>, a top-level CLEF property name, with a leading <c>@</c> doubled (CLEF reserves
    /// <c>@</c>-names for its own fields).
    /// </summary>
    public static void WritePropertyName(string name, TextWriter output)
    {
        var escapeAt = name.Length > 0 && name[0] == '@';
        if (name.Length <= ShortText && !name.AsSpan().ContainsAny(NeedsEscape))
        {
            Span<char> buffer = stackalloc char[ShortText + 5];
            buffer[0] = ',';
            buffer[1] = '"';
            var at = 2;
            if (escapeAt)
            {
                buffer[at++] = '@';
            }

            name.CopyTo(buffer[at..]);
            at += name.Length;
            buffer[at++] = '"';
            buffer[at++] = ':';
            output.Write(buffer[..at]);
            return;
        }

        output.Write(escapeAt ? ",\"@" : ",\"");
        WriteEscaped(name, output);
        output.Write("\":");
    }

    /// <summary>Writes the inside of a JSON string (no quotes).</summary>
    public static void WriteEscaped(ReadOnlySpan<char> text, TextWriter output)
    {
        while (true)
        {
            var next = text.IndexOfAny(NeedsEscape);
            if (next < 0)
            {
                if (!text.IsEmpty)
                {
                    output.Write(text);
                }

                return;
            }

            if (next > 0)
            {
                output.Write(text[..next]);
            }

            WriteEscape(text[next], output);
            text = text[(next + 1)..];
        }
    }

    /// <summary>Writes one character of a JSON string, escaped when it must be.</summary>
    public static void WriteEscaped(char c, TextWriter output)
    {
        if (c < ' ' || c == '"' || c == '\\')
        {
            WriteEscape(c, output);
        }
        else
        {
            output.Write(c);
        }
    }

    private static void WriteEscape(char c, TextWriter output)
    {
        switch (c)
        {
            case '"':
                output.Write("\\\"");
                break;
            case '\\':
                output.Write("\\\\");
                break;
            case '\n':
                output.Write("\\n");
                break;
            case '\r':
                output.Write("\\r");
                break;
            case '\f':
                output.Write("\\f");
                break;
            case '\t':
                output.Write("\\t");
                break;
            default:
                Span<char> escape = stackalloc char[6];
                escape[0] = '\\';
                escape[1] = 'u';
                ((int)c).TryFormat(escape[2..], out _, "X4", CultureInfo.InvariantCulture);
                output.Write(escape);
                break;
        }
    }
}
