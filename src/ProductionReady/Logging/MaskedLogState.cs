using System.Collections;
using System.Globalization;
using System.Text;

namespace ProductionReady.Logging;

/// <summary>
/// The masked copy of a structured log state (or scope): its values as masked, and a message rendered from the
/// masked template and values, so that neither the structured view (OpenTelemetry's attributes, Serilog's
/// properties) nor the text view (the formatter, <see cref="ToString"/>) holds a secret.
/// </summary>
internal sealed class MaskedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    public static readonly Func<MaskedLogState, Exception?, string> Formatter = static (state, _) => state.ToString();

    private readonly KeyValuePair<string, object?>[] _values;
    private readonly IReadOnlyList<KeyValuePair<string, object?>>? _original;
    private string? _message;

    public MaskedLogState(KeyValuePair<string, object?>[] values, IReadOnlyList<KeyValuePair<string, object?>> original)
    {
        _values = values;
        _original = original;
    }

    /// <summary>A state that only ever had a text (a string, an object rendered by its formatter): the masked text.</summary>
    public MaskedLogState(string maskedText)
    {
        _values = [];
        _message = maskedText;
    }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    /// <summary>
    /// The masked values of <paramref name="values"/>, or null when none needs masking (the state is passed on as
    /// it is).
    /// </summary>
    public static KeyValuePair<string, object?>[]? MaskValues(IReadOnlyList<KeyValuePair<string, object?>> values, SecretMasker masker)
    {
        KeyValuePair<string, object?>[]? masked = null;
        for (var i = 0; i < values.Count; i++)
        {
            var entry = values[i];
            var value = masker.MaskStateValue(entry.Key, entry.Value);
            if (!ReferenceEquals(value, entry.Value))
            {
                if (masked is null)
                {
                    masked = new KeyValuePair<string, object?>[values.Count];
                    for (var earlier = 0; earlier < i; earlier++)
                    {
                        masked[earlier] = values[earlier];
                    }
                }

                masked[i] = new(entry.Key, value);
            }
            else if (masked is not null)
            {
                masked[i] = entry;
            }
        }

        return masked;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();

    /// <summary>The message, rendered as Microsoft.Extensions.Logging renders a template, from the masked values.</summary>
    public override string ToString() => _message ??= Render();

    private string Render()
    {
        string? template = null;
        foreach (var entry in _values)
        {
            if (string.Equals(entry.Key, LogStateNames.OriginalFormat, StringComparison.Ordinal))
            {
                template = entry.Value as string;
            }
        }

        if (template is null)
        {
            // A structured state without a template: what its own text would be, with nothing of its values left
            // that needed masking.
            return string.Join(", ", _values.Select(v => v.Key + "=" + Format(v.Value, null)));
        }

        var message = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                message.Append(c);
                i++;
                continue;
            }

            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                message.Append(c);
                continue;
            }

            var hole = template.AsSpan(i + 1, close - i - 1);
            var formatAt = hole.IndexOfAny(',', ':');
            var name = formatAt < 0 ? hole : hole[..formatAt];
            if (TryFind(name, out var value))
            {
                message.Append(Format(value, formatAt < 0 ? null : hole[formatAt..].ToString()));
            }
            else
            {
                message.Append(template, i, close - i + 1);
            }

            i = close;
        }

        return message.ToString();
    }

    private bool TryFind(ReadOnlySpan<char> name, out object? value)
    {
        var bare = name.Length > 1 && name[0] is '@' or '$' ? name[1..] : name;
        foreach (var entry in _values)
        {
            if (bare.Equals(LogStateNames.WithoutCaptureHint(entry.Key), StringComparison.OrdinalIgnoreCase) &&
                !string.Equals(entry.Key, LogStateNames.OriginalFormat, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    // As Microsoft.Extensions.Logging formats a template argument: "(null)", sequences joined, the invariant culture.
    private static string Format(object? value, string? alignmentAndFormat)
    {
        switch (value)
        {
            case null:
                return "(null)";
            case string text:
                return alignmentAndFormat is null ? text : string.Format(CultureInfo.InvariantCulture, "{0" + alignmentAndFormat + "}", text);
            case IEnumerable sequence:
                return string.Join(", ", sequence.Cast<object?>().Select(e => e?.ToString() ?? "(null)"));
            default:
                return string.Format(CultureInfo.InvariantCulture, "{0" + alignmentAndFormat + "}", value);
        }
    }
}
