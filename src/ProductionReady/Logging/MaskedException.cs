namespace ProductionReady.Logging;

/// <summary>
/// Stands in for an exception whose message (or an inner one's) contains a secret: its text is the
/// original's, with the secrets masked. Only ever handed to log sinks.
/// </summary>
internal sealed class MaskedException : Exception
{
    private readonly string _text;

    public MaskedException(Exception original, SecretMasker masker)
        : base(masker.MaskText(original.Message))
    {
        _text = masker.MaskText(original.ToString());
        HResult = original.HResult;
        Original = original;
    }

    /// <summary>The exception this one stands in for; never handed to a sink.</summary>
    public Exception? Original { get; }

    public MaskedException()
        : this(string.Empty)
    {
    }

    public MaskedException(string message)
        : base(message) => _text = message;

    public MaskedException(string message, Exception innerException)
        : base(message, innerException) => _text = message;

    public override string ToString() => _text;
}
