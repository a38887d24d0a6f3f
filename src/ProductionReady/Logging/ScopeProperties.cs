using System.Globalization;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace ProductionReady.Logging;

/// <summary>
/// The properties the scopes around the request completion event add to it, as Serilog.Extensions.Logging adds
/// them (outermost scope first; a name seen again takes the later value in place), for <see cref="RequestEventWriter"/>.
/// Only what it can write exactly as Serilog would: names and values of key/value scopes whose values are strings,
/// whole numbers, booleans or null. Anything else makes <see cref="Collect"/> answer null, and the event goes Serilog's way.
/// </summary>
/// <remarks>One per thread, reused: collecting allocates nothing for the server's own scopes.</remarks>
internal sealed class ScopeProperties
{
    [ThreadStatic]
    private static ScopeProperties? t_current;

    private readonly List<KeyValuePair<string, object?>> _properties = [];
    private SecretMasker? _masker;
    private bool _unwritable;

    /// <summary>The scopes' properties, or null when one of them must be written by Serilog.</summary>
    public static ScopeProperties? Collect(IExternalScopeProvider? scopes, SecretMasker masker)
    {
        var collector = t_current ??= new ScopeProperties();
        collector._properties.Clear();
        collector._unwritable = false;
        collector._masker = masker;
        scopes?.ForEachScope(static (scope, self) => self.Add(scope), collector);
        collector._masker = null;
        return collector._unwritable ? null : collector;
    }

    /// <summary>Writes the properties as CLEF members (<c>,"Name":value</c>), in Serilog's order.</summary>
    public void WriteTo(TextWriter line, Span<char> buffer)
    {
        foreach (var (name, value) in _properties)
        {
            line.Write(',');
            JsonValueFormatter.WriteQuotedJsonString(name, line);
            line.Write(':');
            switch (value)
            {
                case null:
                    line.Write("null");
                    break;
                case string text:
                    JsonValueFormatter.WriteQuotedJsonString(text, line);
                    break;
                case bool flag:
                    line.Write(flag ? "true" : "false");
                    break;
                case int number when number.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture):
                    line.Write(buffer[..written]);
                    break;
                case long number when number.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture):
                    line.Write(buffer[..written]);
                    break;
                default:
                    // Collect admits nothing else.
                    throw new InvalidOperationException("A scope value of an unexpected type was collected.");
            }
        }
    }

    private void Add(object? scope)
    {
        if (_unwritable || scope is null)
        {
            // Serilog skips a null scope.
            return;
        }

        // The server's scopes (connection, request) and most of the app's are lists: read by index, no enumerator.
        if (scope is IReadOnlyList<KeyValuePair<string, object?>> list)
        {
            for (var i = 0; i < list.Count && !_unwritable; i++)
            {
                Add(list[i].Key, list[i].Value);
            }

            return;
        }

        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                Add(key, value);
            }

            return;
        }

        // A message scope (a string, a formatted template) or a tuple: a Scope item or a property Serilog makes its own way.
        _unwritable = true;
    }

    private void Add(string key, object? value)
    {
        if (key is LogPropertyNames.RequestId or LogPropertyNames.RequestPath)
        {
            // The server's request scope has both: the stage puts the request's own values back, which the event carries.
            return;
        }

        // {OriginalFormat} makes the scope a Scope item; @ and $ destructure and stringify; the event's other names and
        // the identity are set by rules of their own; a secret's name or value is masked by the stage.
        if (!LogEventProperty.IsValidName(key) || key[0] is '@' or '$' || key == "{OriginalFormat}" || IsEventOwn(key)
            || value is not (null or string or bool or int or long)
            || _masker!.IsSecretName(key)
            || (value is string text && !ReferenceEquals(_masker.MaskText(text), text)))
        {
            _unwritable = true;
            return;
        }

        for (var i = 0; i < _properties.Count; i++)
        {
            if (string.Equals(_properties[i].Key, key, StringComparison.Ordinal))
            {
                _properties[i] = new(key, value);
                return;
            }
        }

        _properties.Add(new(key, value));
    }

    private static bool IsEventOwn(string key) => key is
        LogPropertyNames.RequestMethod or LogPropertyNames.StatusCode
        or LogPropertyNames.ElapsedMs or LogPropertyNames.GrpcStatus or "EventId" or Serilog.Core.Constants.SourceContextPropertyName
        or LogPropertyNames.ServiceName or LogPropertyNames.ServiceVersion or LogPropertyNames.Environment;
}
