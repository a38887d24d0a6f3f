using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using ProductionReady.Detection;
using ProductionReady.Common;
using Serilog.Events;
using Serilog.Parsing;

namespace ProductionReady.Logging;

/// <summary>
/// Keeps secrets out of log events before any sink sees them:
/// <list type="bullet">
/// <item>values of properties (at any depth) whose names denote a secret (<see cref="SecretNames"/>) or a
/// credential header (<c>Authorization</c>, <c>Cookie</c>, <c>Set-Cookie</c>, API-key headers);</item>
/// <item>the values the secret validation knows (<see cref="IKnownSecretValues"/>) wherever they occur: in the
/// message template, in property values, in exception messages;</item>
/// <item>passwords inside connection strings and URIs with user info, in string values.</item>
/// </list>
/// The common case (nothing to mask) allocates nothing: names are decided once and cached, values are
/// searched with a vectorized multi-string matcher built once per set of known values, and a text found clean is
/// not searched again on the same thread (<see cref="CleanTexts"/>: the event's second look is a reference check).
/// </summary>
internal sealed partial class SecretMasker
{
    public const string Mask = "***";

    // Shorter values would mask ordinary words; the secret validation rejects such weak secrets anyway.
    internal const int MinimumMaskedLength = 4;

    private const int NameCacheLimit = 4096;

    // A text with more credentials than this is masked whole (see MaskTokenFormats).
    private const int MaximumTokenPasses = 8;

    private static readonly ScalarValue MaskedValue = new(Mask);

    private static readonly SearchValues<char> MemberSeparators = SearchValues.Create("=:");

    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "Api-Key", "X-Auth-Token", "X-Amz-Security-Token",
    };

    private readonly IKnownSecretValues? _known;
    // Property names are nearly always the same string instances (literals, cached templates): a lookup by
    // reference skips hashing the text; the ordinal cache catches equal names built at run time.
    private readonly ConcurrentDictionary<string, bool> _namesByReference = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, bool> _secretNames = new(StringComparer.Ordinal);
    private readonly Lock _rebuild = new();
    private KnownValues _values = KnownValues.None;

    public SecretMasker(IKnownSecretValues? known) => _known = known;

    /// <summary>True when a property of this name holds a secret; decided once per name.</summary>
    public bool IsSecretName(string name)
    {
        if (_namesByReference.TryGetValue(name, out var secret))
        {
            return secret;
        }

        if (!_secretNames.TryGetValue(name, out secret))
        {
            secret = CredentialHeaders.Contains(SecretNames.LastSegment(name)) || SecretNames.IsSecretName(name);
            if (_secretNames.Count < NameCacheLimit)
            {
                _secretNames.TryAdd(name, secret);
            }
        }

        if (_namesByReference.Count < NameCacheLimit)
        {
            _namesByReference.TryAdd(name, secret);
        }

        return secret;
    }

    /// <summary>
    /// Masks <paramref name="logEvent"/>'s properties in place; returns it, or a copy when its template or
    /// exception had to change.
    /// </summary>
    public LogEvent Apply(LogEvent logEvent)
    {
        var search = CurrentValues();
        List<LogEventProperty>? replaced = null;
        if (logEvent.Properties is Dictionary<string, LogEventPropertyValue> properties)
        {
            foreach (var property in properties)
            {
                Inspect(property.Key, property.Value, search, ref replaced);
            }
        }
        else
        {
            foreach (var property in logEvent.Properties)
            {
                Inspect(property.Key, property.Value, search, ref replaced);
            }
        }

        if (replaced is not null)
        {
            foreach (var property in replaced)
            {
                logEvent.AddOrUpdateProperty(property);
            }
        }

        var template = logEvent.MessageTemplate;
        var maskedText = MaskText(template.Text, search);
        var exception = logEvent.Exception is { } ex && ExceptionNeedsMask(ex, search) ? new MaskedException(ex, this) : logEvent.Exception;
        if (ReferenceEquals(maskedText, template.Text) && ReferenceEquals(exception, logEvent.Exception))
        {
            return logEvent;
        }

        var maskedTemplate = ReferenceEquals(maskedText, template.Text) ? template : new MessageTemplateParser().Parse(maskedText);
        return new LogEvent(
            logEvent.Timestamp,
            logEvent.Level,
            exception,
            maskedTemplate,
            logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)),
            logEvent.TraceId ?? default,
            logEvent.SpanId ?? default);
    }

    /// <summary>Masks known secret values, embedded passwords and credential formats in <paramref name="text"/>; the same instance when clean.</summary>
    public string MaskText(string text) => MaskText(text, CurrentValues());

    /// <summary>
    /// <paramref name="exception"/> itself when no message in it holds a secret; otherwise a stand-in whose message
    /// and text are masked (<see cref="MaskedException"/>).
    /// </summary>
    public Exception MaskException(Exception exception) =>
        exception is not MaskedException && ExceptionNeedsMask(exception, CurrentValues()) ? new MaskedException(exception, this) : exception;

    /// <summary>
    /// Masks one value of a Microsoft.Extensions.Logging state (a template argument, a scope value): the mask when its
    /// name denotes a secret, the masked text when its text holds one; the same instance when clean. Values of other
    /// types are judged by their text (what every provider but a structured one writes) and replaced by the masked
    /// text only when that holds a secret.
    /// </summary>
    /// <summary>True when nothing in the request completion event needs masking (its method, path and request id).</summary>
    public bool IsClean(in RequestCompletedState request)
    {
        var search = CurrentValues();
        return ReferenceEquals(MaskText(request.Method, search), request.Method)
            && ReferenceEquals(MaskText(request.Path, search), request.Path)
            && ReferenceEquals(MaskText(request.RequestId, search), request.RequestId);
    }

    public object? MaskStateValue(string name, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (string.Equals(name, LogStateNames.OriginalFormat, StringComparison.Ordinal))
        {
            return value is string template ? MaskText(template) : value;
        }

        if (IsSecretName(LogStateNames.WithoutCaptureHint(name)))
        {
            return Mask;
        }

        return MaskStateValue(value, CurrentValues());
    }

    private object MaskStateValue(object value, KnownValues search)
    {
        switch (value)
        {
            case string text:
                return MaskText(text, search);

            case Uri uri:
                var uriText = uri.OriginalString;
                var maskedUri = MaskText(uriText, search);
                return ReferenceEquals(maskedUri, uriText) ? value : maskedUri;

            case bool or char or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
                or DateTime or DateTimeOffset or TimeSpan or Guid or Enum or DateOnly or TimeOnly:
                return value;

            case System.Collections.IEnumerable sequence:
                // Rendered as its elements joined by every provider that writes text: masked element by element.
                List<object?>? elements = null;
                var index = 0;
                foreach (var element in sequence)
                {
                    var masked = element is null ? null : MaskElement(element, search);
                    if (elements is null && !ReferenceEquals(masked, element))
                    {
                        elements = [.. sequence.Cast<object?>().Take(index)];
                    }

                    elements?.Add(masked);
                    index++;
                }

                return elements is null ? value : AsDictionary(elements) ?? (object)elements.ToArray();

            default:
                string? rendered;
                try
                {
                    rendered = value.ToString();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A ToString that throws writes nothing a provider could leak: leave the value to the providers.
                    return value;
                }

                if (rendered is null)
                {
                    return value;
                }

                var maskedText = MaskNamedMembers(MaskText(rendered, search));
                return ReferenceEquals(maskedText, rendered) ? value : new MaskedObject(value, maskedText);
        }
    }

    // A dictionary's entry whose key names a secret (an Authorization header, a Password setting) is masked whole.
    private object MaskElement(object element, KnownValues search) => element switch
    {
        KeyValuePair<string, string?> { Key: var key } when IsSecretName(key) => new KeyValuePair<string, string>(key, Mask),
        KeyValuePair<string, object?> { Key: var key } when IsSecretName(key) => new KeyValuePair<string, object>(key, Mask),
        KeyValuePair<string, StringValues> { Key: var key } when IsSecretName(key) => new KeyValuePair<string, string>(key, Mask),
        System.Collections.DictionaryEntry { Key: string key } when IsSecretName(key) => new KeyValuePair<string, string>(key, Mask),
        _ => MaskStateValue(element, search),
    };

    // A masked dictionary stays a dictionary (Serilog writes it as one); null when the elements are not its entries.
    private static Dictionary<string, object?>? AsDictionary(List<object?> elements)
    {
        var dictionary = new Dictionary<string, object?>(elements.Count, StringComparer.Ordinal);
        foreach (var element in elements)
        {
            switch (element)
            {
                case KeyValuePair<string, string?> entry:
                    dictionary[entry.Key] = entry.Value;
                    break;
                case KeyValuePair<string, object?> entry:
                    dictionary[entry.Key] = entry.Value;
                    break;
                case KeyValuePair<string, StringValues> entry:
                    dictionary[entry.Key] = entry.Value.ToString();
                    break;
                case System.Collections.DictionaryEntry { Key: string key } entry:
                    dictionary[key] = entry.Value;
                    break;
                default:
                    return null;
            }
        }

        return dictionary;
    }

    // An object's text as records, anonymous types and JSON write it ("{ User = ann, Password = x }",
    // "\"password\":\"x\""): the values of members whose names denote a secret are masked.
    private string MaskNamedMembers(string text)
    {
        if (text.IndexOfAny(MemberSeparators) < 0)
        {
            return text;
        }

        return NamedMember().Replace(text, match => IsSecretName(match.Groups["name"].Value)
            ? match.Value[..(match.Groups["value"].Index - match.Index)] + Mask
            : match.Value);
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_\-]*)""?\s*[=:]\s*(?<value>""[^""]*""|[^,;}\]\s]+)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 100)]
    private static partial Regex NamedMember();

    private void Inspect(string name, LogEventPropertyValue value, KnownValues search, ref List<LogEventProperty>? replaced)
    {
        var masked = IsSecretName(name) ? MaskedValue : MaskValue(value, search);
        if (!ReferenceEquals(masked, value))
        {
            (replaced ??= []).Add(new LogEventProperty(name, masked));
        }
    }

    private LogEventPropertyValue MaskValue(LogEventPropertyValue value, KnownValues search)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var maskedText = MaskText(text, search);
                return ReferenceEquals(maskedText, text) ? value : new ScalarValue(maskedText);

            case ScalarValue { Value: Uri uri } when !string.IsNullOrEmpty(uri.UserInfo):
                var maskedUri = MaskText(uri.OriginalString, search);
                return ReferenceEquals(maskedUri, uri.OriginalString) ? value : new ScalarValue(maskedUri);

            case SequenceValue sequence:
                LogEventPropertyValue[]? elements = null;
                for (var i = 0; i < sequence.Elements.Count; i++)
                {
                    var element = sequence.Elements[i];
                    var masked = MaskValue(element, search);
                    if (!ReferenceEquals(masked, element))
                    {
                        elements ??= [.. sequence.Elements];
                        elements[i] = masked;
                    }
                }

                return elements is null ? value : new SequenceValue(elements);

            case StructureValue structure:
                LogEventProperty[]? members = null;
                for (var i = 0; i < structure.Properties.Count; i++)
                {
                    var member = structure.Properties[i];
                    var masked = IsSecretName(member.Name) ? MaskedValue : MaskValue(member.Value, search);
                    if (!ReferenceEquals(masked, member.Value))
                    {
                        members ??= [.. structure.Properties];
                        members[i] = new LogEventProperty(member.Name, masked);
                    }
                }

                return members is null ? value : new StructureValue(members, structure.TypeTag);

            case DictionaryValue dictionary:
                List<KeyValuePair<ScalarValue, LogEventPropertyValue>>? entries = null;
                var index = 0;
                foreach (var entry in dictionary.Elements)
                {
                    var masked = entry.Key.Value is string key && IsSecretName(key) ? MaskedValue : MaskValue(entry.Value, search);
                    if (!ReferenceEquals(masked, entry.Value) && entries is null)
                    {
                        entries = [.. dictionary.Elements.Take(index)];
                    }

                    entries?.Add(new(entry.Key, masked));
                    index++;
                }

                return entries is null ? value : new DictionaryValue(entries);

            default:
                return value;
        }
    }

    private static string MaskText(string text, KnownValues search)
    {
        // The same instance was searched on this thread a moment ago (MaskingLogger, then LogEventStage; a constant).
        var remember = text.Length >= CleanTexts.MinimumLength;
        if (remember && CleanTexts.Contains(text, search))
        {
            return text;
        }

        var masked = MaskSecrets(text, search);
        if (remember && ReferenceEquals(masked, text))
        {
            CleanTexts.Remember(text, search);
        }

        return masked;
    }

    private static string MaskSecrets(string text, KnownValues search)
    {
        var masked = text;
        if (search.Search is { } matcher && text.AsSpan().IndexOfAny(matcher) >= 0)
        {
            masked = ReplaceAll(text, search);
        }

        if (MightHoldCredential(masked) && CredentialLocator.FindPassword(masked) is { } credential)
        {
            masked = string.Concat(masked.AsSpan(0, credential.Start), Mask, masked.AsSpan(credential.Start + credential.Length));
        }

        return MaskTokenFormats(masked);
    }

    // Credentials in a public format of their own (cloud keys, source-hosting and payment tokens, ...) are secrets
    // wherever they appear, known to this app or not. Each pass masks the first one found; a text that still holds
    // one after MaximumTokenPasses is masked whole rather than searched without bound.
    private static string MaskTokenFormats(string text)
    {
        var masked = text;
        for (var pass = 0; TokenFormats.FindLiveCredential(masked) is { } token; pass++)
        {
            if (pass == MaximumTokenPasses)
            {
                return Mask;
            }

            masked = string.Concat(masked.AsSpan(0, token.Start), Mask, masked.AsSpan(token.Start + token.Length));
        }

        return masked;
    }

    // Cheap pre-checks before the connection-string / URI parser runs.
    private static bool MightHoldCredential(string text) =>
        text.Length >= 6 &&
        ((text.Contains("://", StringComparison.Ordinal) && text.Contains('@', StringComparison.Ordinal)) ||
         (text.Contains('=', StringComparison.Ordinal) &&
          (text.Contains("pass", StringComparison.OrdinalIgnoreCase) || text.Contains("pwd", StringComparison.OrdinalIgnoreCase))));

    private static string ReplaceAll(string text, KnownValues search)
    {
        var builder = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (true)
        {
            var at = rest.IndexOfAny(search.Search!);
            if (at < 0)
            {
                builder.Append(rest);
                return builder.ToString();
            }

            builder.Append(rest[..at]).Append(Mask);

            // Skip the longest known value that starts here, so no fragment of it survives.
            var length = 0;
            foreach (var candidate in search.Values)
            {
                if (candidate.Length > length && rest[at..].StartsWith(candidate, StringComparison.Ordinal))
                {
                    length = candidate.Length;
                }
            }

            rest = rest[(at + Math.Max(length, 1))..];
        }
    }

    private static bool ExceptionNeedsMask(Exception exception, KnownValues search)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!ReferenceEquals(MaskText(current.Message, search), current.Message))
            {
                return true;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (!ReferenceEquals(inner, aggregate.InnerException) && ExceptionNeedsMask(inner, search))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // The matcher for the current known values, rebuilt only when the secret validation's set changes.
    private KnownValues CurrentValues()
    {
        var source = _known?.Values;
        var snapshot = _values;
        if (ReferenceEquals(snapshot.Source, source) && snapshot.Count == (source?.Count ?? 0))
        {
            return snapshot;
        }

        lock (_rebuild)
        {
            var values = source?.Where(v => v is { Length: >= MinimumMaskedLength }).Distinct(StringComparer.Ordinal).ToArray() ?? [];
            var search = values.Length > 0 ? SearchValues.Create(values, StringComparison.Ordinal) : null;
            return _values = new KnownValues(source, source?.Count ?? 0, search, values);
        }
    }

    /// <summary>One snapshot of the known values and the matcher built for them.</summary>
    private sealed record KnownValues(IReadOnlyCollection<string>? Source, int Count, SearchValues<string>? Search, string[] Values)
    {
        public static readonly KnownValues None = new(null, 0, null, []);
    }
}
