using ProductionReady;
using ProductionReady.SecurityHeaders;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Per-endpoint security header policies.</summary>
public static class SecurityHeadersEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Uses the named policy (<see cref="ProductionReadySecurityHeadersOptions.Policies"/>, or <c>"api"</c>/<c>"html"</c>)
    /// for the endpoints' responses, e.g. a looser CSP for a documentation UI.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint convention builder.</typeparam>
    /// <param name="builder">The endpoints.</param>
    /// <param name="policyName">The policy's name; an unknown name stops the app at startup.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static TBuilder WithSecurityHeaders<TBuilder>(this TBuilder builder, string policyName)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var metadata = new SecurityHeadersPolicyAttribute(policyName);
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }

    /// <summary>
    /// Changes the default profiles for these endpoints only; the values left unset keep the configured ones.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint convention builder.</typeparam>
    /// <param name="builder">The endpoints.</param>
    /// <param name="configure">Sets the values to change.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentException">A value no HTTP header may carry.</exception>
    public static TBuilder WithSecurityHeaders<TBuilder>(this TBuilder builder, Action<SecurityHeaderPolicy> configure)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var overlay = new SecurityHeaderPolicy();
        configure(overlay);
        var errors = new List<string>();
        SecurityHeadersOptionsValidator.ValidatePolicy(overlay, "WithSecurityHeaders", errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(configure));
        }

        var metadata = new InlineSecurityHeadersPolicy(overlay);
        builder.Add(endpoint => endpoint.Metadata.Add(metadata));
        return builder;
    }
}
