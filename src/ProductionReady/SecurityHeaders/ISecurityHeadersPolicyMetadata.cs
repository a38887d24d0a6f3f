namespace ProductionReady.SecurityHeaders;

/// <summary>Endpoint metadata that picks the security header policy of the endpoint's responses.</summary>
internal interface ISecurityHeadersPolicyMetadata
{
    /// <summary>The policy name to validate at startup; null for an inline policy.</summary>
    string? PolicyName { get; }

    CompiledPolicy Resolve(CompiledSecurityHeaders headers);
}
