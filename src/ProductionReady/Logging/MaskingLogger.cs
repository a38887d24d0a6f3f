namespace ProductionReady.Logging;

/// <summary>
/// Hands the logger behind it (which dispatches to every provider) a masked copy of an event or scope whose state,
/// template or exception holds a secret, and the very same state otherwise: the common, clean event costs a scan
/// of its values and allocates nothing of ours.
/// </summary>
internal sealed class MaskingLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly SecretMasker _masker;

    public MaskingLogger(ILogger inner, SecretMasker masker)
    {
        _inner = inner;
        _masker = masker;
    }

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        switch (state)
        {
            case IReadOnlyList<KeyValuePair<string, object?>> values when MaskedLogState.MaskValues(values, _masker) is { } masked:
                return _inner.BeginScope(new MaskedLogState(masked, values));
            case IReadOnlyList<KeyValuePair<string, object?>>:
                return _inner.BeginScope(state);

            // A dictionary of scope values, the other structured form providers read.
            case IEnumerable<KeyValuePair<string, object?>> pairs when pairs.ToArray() is var entries && MaskedLogState.MaskValues(entries, _masker) is { } masked:
                return _inner.BeginScope(new MaskedLogState(masked, entries));
            case string text when _masker.MaskText(text) is var maskedText && !ReferenceEquals(maskedText, text):
                return _inner.BeginScope(maskedText);
            default:
                return _inner.BeginScope(state);
        }
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!_inner.IsEnabled(logLevel))
        {
            return;
        }

        // The one event every request writes: its three texts checked directly, without boxing the state or its numbers
        // (the template is a constant, the names are not secrets). Anything to mask takes the general way below.
        if (typeof(TState) == typeof(RequestCompletedState) && exception is null
            && _masker.IsClean(System.Runtime.CompilerServices.Unsafe.As<TState, RequestCompletedState>(ref state)))
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        var maskedException = exception is null ? null : _masker.MaskException(exception);
        if (state is IReadOnlyList<KeyValuePair<string, object?>> or IEnumerable<KeyValuePair<string, object?>>)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [.. (IEnumerable<KeyValuePair<string, object?>>)state];
            var masked = MaskedLogState.MaskValues(values, _masker);
            if (masked is null && ReferenceEquals(maskedException, exception))
            {
                _inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            _inner.Log(logLevel, eventId, new MaskedLogState(masked ?? [.. values], values), maskedException, MaskedLogState.Formatter);
            return;
        }

        // Any other state (a string, an object): every provider writes what the formatter makes of it.
        var text = formatter(state, exception);
        var maskedText = _masker.MaskText(text);
        if (ReferenceEquals(maskedText, text) && ReferenceEquals(maskedException, exception))
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        _inner.Log(logLevel, eventId, new MaskedLogState(maskedText), maskedException, MaskedLogState.Formatter);
    }
}
