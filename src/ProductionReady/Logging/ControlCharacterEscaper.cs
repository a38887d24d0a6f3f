using System.Buffers;
using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using ProductionReady.Common;
using Serilog.Parsing;

namespace ProductionReady.Logging;

/// <summary>
/// In front of the text output only: control characters (CR, LF, ESC, the other C0 and C1 controls, DEL,
/// and the Unicode line and paragraph separators) in string values and in the message template are written
/// as escapes (<c>\r</c>, <c>\n</c>, <c>\u001b</c>), so a request path or header cannot forge a log line or
/// send escape sequences to a developer's terminal. An event without such characters passes unchanged (one
/// vectorized search per string property); CLEF needs none of this, JSON escapes them already.
/// </summary>
/// <remarks>
/// The exception (<c>@x</c>, the stack trace) keeps its own line breaks, and so does ProductionReady's own
/// report (<see cref="OwnReportText"/>: the startup and secret reports, whose text holds no request data);
/// every other property of such an event is escaped as usual.
/// </remarks>
internal sealed class ControlCharacterEscaper : ILogEventSink, IDisposable
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(BuildControls());

    private readonly ILogEventSink _next;

    public ControlCharacterEscaper(ILogEventSink next) => _next = next;

    public void Emit(LogEvent logEvent) => _next.Emit(Escape(logEvent));

    public void Dispose() => (_next as IDisposable)?.Dispose();

    internal static LogEvent Escape(LogEvent logEvent)
    {
        var ownReport = IsOwnReport(logEvent);
        List<LogEventProperty>? replaced = null;
        foreach (var property in logEvent.Properties)
        {
            if (ownReport && property.Key == OwnReportText.PropertyName)
            {
                continue;
            }

            var escaped = EscapeValue(property.Value);
            if (!ReferenceEquals(escaped, property.Value))
            {
                (replaced ??= []).Add(new LogEventProperty(property.Key, escaped));
            }
        }

        var template = logEvent.MessageTemplate;
        var templateNeedsEscape = !ownReport && template.Text.AsSpan().IndexOfAny(Controls) >= 0;
        if (replaced is null && !templateNeedsEscape)
        {
            return logEvent;
        }

        // A copy: other sinks (a Serilog section's) see the event as it was. A template built from request
        // data (string interpolation) is escaped, then parsed again.
        var copy = new LogEvent(
            logEvent.Timestamp,
            logEvent.Level,
            logEvent.Exception,
            templateNeedsEscape ? new MessageTemplateParser().Parse(EscapeText(template.Text)) : template,
            logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)),
            logEvent.TraceId ?? default,
            logEvent.SpanId ?? default);
        foreach (var property in replaced ?? [])
        {
            copy.AddOrUpdateProperty(property);
        }

        return copy;
    }

    // Our own report event: its template is a constant of ours, its Report property our own text.
    private static bool IsOwnReport(LogEvent logEvent) =>
        logEvent.Properties.ContainsKey(OwnReportText.PropertyName)
        && logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var source)
        && source is ScalarValue { Value: string category }
        && category.StartsWith(OwnReportText.CategoryPrefix, StringComparison.Ordinal);

    internal static string EscapeText(string text)
    {
        var at = text.AsSpan().IndexOfAny(Controls);
        if (at < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, at);
        foreach (var c in text.AsSpan(at))
        {
            switch (c)
            {
                case '\r': builder.Append("\\r"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (Controls.Contains(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static LogEventPropertyValue EscapeValue(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var escaped = EscapeText(text);
                return ReferenceEquals(escaped, text) ? value : new ScalarValue(escaped);

            case SequenceValue sequence:
                LogEventPropertyValue[]? elements = null;
                for (var i = 0; i < sequence.Elements.Count; i++)
                {
                    var element = EscapeValue(sequence.Elements[i]);
                    if (!ReferenceEquals(element, sequence.Elements[i]))
                    {
                        elements ??= [.. sequence.Elements];
                        elements[i] = element;
                    }
                }

                return elements is null ? value : new SequenceValue(elements);

            case StructureValue structure:
                LogEventProperty[]? members = null;
                for (var i = 0; i < structure.Properties.Count; i++)
                {
                    var member = structure.Properties[i];
                    var escapedMember = EscapeValue(member.Value);
                    if (!ReferenceEquals(escapedMember, member.Value))
                    {
                        members ??= [.. structure.Properties];
                        members[i] = new LogEventProperty(member.Name, escapedMember);
                    }
                }

                return members is null ? value : new StructureValue(members, structure.TypeTag);

            case DictionaryValue dictionary:
                var changed = false;
                var entries = new List<KeyValuePair<ScalarValue, LogEventPropertyValue>>(dictionary.Elements.Count);
                foreach (var entry in dictionary.Elements)
                {
                    var key = (ScalarValue)EscapeValue(entry.Key);
                    var escapedEntry = EscapeValue(entry.Value);
                    changed |= !ReferenceEquals(key, entry.Key) || !ReferenceEquals(escapedEntry, entry.Value);
                    entries.Add(new(key, escapedEntry));
                }

                return changed ? new DictionaryValue(entries) : value;

            default:
                return value;
        }
    }

    private static string BuildControls()
    {
        var controls = new StringBuilder();
        for (var c = '\0'; c < ' '; c++)
        {
            controls.Append(c);
        }

        for (var c = '\u007f'; c <= '\u009f'; c++)
        {
            controls.Append(c);
        }

        return controls.Append('\u2028').Append('\u2029').ToString();
    }
}
