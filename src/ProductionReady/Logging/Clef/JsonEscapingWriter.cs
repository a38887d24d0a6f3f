using System.Text;

namespace ProductionReady.Logging.Clef;

/// <summary>
/// A <see cref="TextWriter"/> that JSON-escapes everything written to it into an inner writer, so that
/// Serilog can render a message (or a formatted token) straight into a JSON string, with no
/// intermediate string. One instance per thread, re-targeted for each use.
/// </summary>
internal sealed class JsonEscapingWriter : TextWriter
{
    [ThreadStatic]
    private static JsonEscapingWriter? t_current;

    private TextWriter _inner = Null;

    private JsonEscapingWriter()
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => _inner.Encoding;

    /// <summary>The calling thread's writer, now writing escaped text into <paramref name="inner"/>.</summary>
    public static JsonEscapingWriter For(TextWriter inner)
    {
        var writer = t_current ??= new JsonEscapingWriter();
        writer._inner = inner;
        return writer;
    }

    /// <summary>Detaches from the inner writer, so the thread's instance holds no reference to it.</summary>
    public void Release() => _inner = Null;

    public override void Write(char value) => JsonText.WriteEscaped(value, _inner);

    public override void Write(string? value) => JsonText.WriteEscaped(value.AsSpan(), _inner);

    public override void Write(ReadOnlySpan<char> buffer) => JsonText.WriteEscaped(buffer, _inner);

    public override void Write(char[] buffer, int index, int count) => JsonText.WriteEscaped(buffer.AsSpan(index, count), _inner);

    public override void Write(char[]? buffer) => JsonText.WriteEscaped(buffer, _inner);

    public override void Write(StringBuilder? value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var chunk in value.GetChunks())
        {
            JsonText.WriteEscaped(chunk.Span, _inner);
        }
    }

    // A rendered message is one JSON string: a line break inside it is escaped, never written raw.
    public override void WriteLine() => Write(CoreNewLine);
}
