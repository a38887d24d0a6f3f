namespace ProductionReady.Secrets;

/// <summary>
/// Where the report is written directly, outside logging, so that it survives a process that exits
/// before its log pipeline flushes. Replaceable in tests.
/// </summary>
internal sealed class SecretReportOutput
{
    public SecretReportOutput()
        : this(Console.Out, Console.Error)
    {
    }

    public SecretReportOutput(TextWriter output, TextWriter error)
    {
        Out = output;
        Error = error;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }
}
