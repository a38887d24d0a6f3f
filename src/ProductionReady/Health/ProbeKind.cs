namespace ProductionReady.Health;

/// <summary>Which probe a request asks for.</summary>
internal enum ProbeKind
{
    None,
    Live,
    Ready,
    Startup,
    Report,
}
