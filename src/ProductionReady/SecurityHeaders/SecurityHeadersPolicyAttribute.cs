using ProductionReady.SecurityHeaders;

namespace ProductionReady;

/// <summary>
/// Gives an endpoint (controller, action, Razor page or minimal API handler) a named security header
/// policy: one of <see cref="ProductionReadySecurityHeadersOptions.Policies"/>, or <c>"api"</c>/<c>"html"</c> to force a
/// built-in profile whatever the content type. Unknown names stop the app at startup.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class SecurityHeadersPolicyAttribute : Attribute, ISecurityHeadersPolicyMetadata
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="policyName">The policy's name.</param>
    public SecurityHeadersPolicyAttribute(string policyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policyName);
        PolicyName = policyName;
    }

    /// <summary>The policy's name.</summary>
    public string PolicyName { get; }

    CompiledPolicy ISecurityHeadersPolicyMetadata.Resolve(CompiledSecurityHeaders headers) =>
        headers.Policies.TryGetValue(PolicyName, out var policy) ? policy : headers.Default;
}
