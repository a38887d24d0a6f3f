namespace ProductionReady.SecurityHeaders;

/// <summary>One policy compiled for both profiles; the response's content type picks one.</summary>
internal sealed record CompiledPolicy(string Name, CompiledHeaderSet Api, CompiledHeaderSet Html);
