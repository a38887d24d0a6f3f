namespace ProductionReady;

/// <summary>How log events are written to the console.</summary>
public enum LogFormat
{
    /// <summary>Text in the Development environment, CLEF JSON everywhere else.</summary>
    Auto,

    /// <summary>One CLEF (Compact Log Event Format) JSON object per line on stdout.</summary>
    Json,

    /// <summary>Readable, colored text for a developer's terminal.</summary>
    Text,
}
