using System;
using System.Collections.Generic;
using System.Text;

namespace ProductionReady.Analyzers;

/// <summary>A string value of a JSON document, with its configuration key path and its place in the file.</summary>
internal readonly struct JsonStringValue
{
    public JsonStringValue(string path, string value, int tokenStart, int tokenLength, bool hasEscapes)
    {
        Path = path;
        Value = value;
        TokenStart = tokenStart;
        TokenLength = tokenLength;
        HasEscapes = hasEscapes;
    }

    /// <summary>The configuration key: <c>ConnectionStrings:Default</c>, <c>Jwt:Key</c>, <c>Hosts:0</c>.</summary>
    public string Path { get; }

    /// <summary>The decoded value.</summary>
    public string Value { get; }

    /// <summary>Offset of the opening quote in the file.</summary>
    public int TokenStart { get; }

    /// <summary>Length of the token, quotes included.</summary>
    public int TokenLength { get; }

    /// <summary>True when the raw token has escapes, so decoded offsets do not map one to one onto the file.</summary>
    public bool HasEscapes { get; }
}

/// <summary>
/// Reads the string values of a JSON configuration file the way Microsoft.Extensions.Configuration keys them
/// (sections joined with ':', array items by index). Tolerant like the configuration JSON reader: comments
/// and trailing commas are allowed. Malformed input ends the scan quietly with what was read so far;
/// it never throws.
/// </summary>
internal sealed class JsonStringScanner
{
    private const int MaximumDepth = 64;

    private readonly string _text;
    private readonly List<JsonStringValue> _values = new List<JsonStringValue>();
    private int _position;

    private readonly bool _includeScalars;

    private JsonStringScanner(string text, bool includeScalars)
    {
        _text = text;
        _includeScalars = includeScalars;
    }

    /// <summary>The string values of <paramref name="text"/>; with <paramref name="includeScalars"/> also numbers, <c>true</c>, <c>false</c> and <c>null</c>, as written.</summary>
    public static List<JsonStringValue> Scan(string text, bool includeScalars = false)
    {
        var scanner = new JsonStringScanner(text, includeScalars);
        try
        {
            scanner.SkipTrivia();
            if (scanner._position < text.Length)
            {
                scanner.ParseValue(string.Empty, 0);
            }
        }
        catch (FormatException)
        {
            // Half-written file: report what was read.
        }

        return scanner._values;
    }

    private void ParseValue(string path, int depth)
    {
        if (depth > MaximumDepth)
        {
            throw new FormatException();
        }

        SkipTrivia();
        switch (Peek())
        {
            case '{':
                ParseObject(path, depth);
                break;
            case '[':
                ParseArray(path, depth);
                break;
            case '"':
                var start = _position;
                var value = ReadString(out var hasEscapes);
                _values.Add(new JsonStringValue(path, value, start, _position - start, hasEscapes));
                break;
            default:
                var scalarStart = _position;
                SkipScalar();
                if (_includeScalars)
                {
                    _values.Add(new JsonStringValue(path, _text.Substring(scalarStart, _position - scalarStart), scalarStart, _position - scalarStart, hasEscapes: false));
                }

                break;
        }
    }

    private void ParseObject(string path, int depth)
    {
        _position++;
        while (true)
        {
            SkipTrivia();
            var c = Peek();
            if (c == '}')
            {
                _position++;
                return;
            }

            if (c == ',')
            {
                _position++;
                continue;
            }

            if (c != '"')
            {
                throw new FormatException();
            }

            var key = ReadString(out _);
            SkipTrivia();
            if (Peek() != ':')
            {
                throw new FormatException();
            }

            _position++;
            ParseValue(path.Length == 0 ? key : path + ":" + key, depth + 1);
        }
    }

    private void ParseArray(string path, int depth)
    {
        _position++;
        var index = 0;
        while (true)
        {
            SkipTrivia();
            var c = Peek();
            if (c == ']')
            {
                _position++;
                return;
            }

            if (c == ',')
            {
                _position++;
                continue;
            }

            var itemPath = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ParseValue(path.Length == 0 ? itemPath : path + ":" + itemPath, depth + 1);
            index++;
        }
    }

    private string ReadString(out bool hasEscapes)
    {
        hasEscapes = false;
        _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            hasEscapes = true;
            if (_position >= _text.Length)
            {
                break;
            }

            var escaped = _text[_position++];
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u':
                    if (_position + 4 <= _text.Length
                        && int.TryParse(_text.Substring(_position, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
                    {
                        builder.Append((char)code);
                        _position += 4;
                    }

                    break;
                default: builder.Append(escaped); break;
            }
        }

        throw new FormatException();
    }

    private void SkipScalar()
    {
        var start = _position;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == ',' || c == '}' || c == ']' || char.IsWhiteSpace(c) || c == '/')
            {
                break;
            }

            _position++;
        }

        if (_position == start)
        {
            throw new FormatException();
        }
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                var end = _text.IndexOf('\n', _position);
                _position = end < 0 ? _text.Length : end + 1;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : throw new FormatException();
}
