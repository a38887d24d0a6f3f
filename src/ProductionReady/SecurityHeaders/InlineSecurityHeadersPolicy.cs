namespace ProductionReady.SecurityHeaders;

/// <summary>
/// A per-endpoint change of the default profiles (<c>.WithSecurityHeaders(p => …)</c>), compiled on the
/// endpoint's first response and kept.
/// </summary>
internal sealed class InlineSecurityHeadersPolicy : ISecurityHeadersPolicyMetadata
{
    private readonly SecurityHeaderPolicy _overlay;
    private volatile Compiled? _compiled;

    public InlineSecurityHeadersPolicy(SecurityHeaderPolicy overlay) => _overlay = overlay;

    public string? PolicyName => null;

    public CompiledPolicy Resolve(CompiledSecurityHeaders headers)
    {
        // Keyed by the compiled options: an endpoint is only ever served by one app, but be exact anyway.
        var compiled = _compiled;
        if (compiled is null || !ReferenceEquals(compiled.Owner, headers))
        {
            compiled = new Compiled(headers, headers.CompileOverlay("endpoint", _overlay));
            _compiled = compiled;
        }

        return compiled.Policy;
    }

    private sealed record Compiled(CompiledSecurityHeaders Owner, CompiledPolicy Policy);
}
