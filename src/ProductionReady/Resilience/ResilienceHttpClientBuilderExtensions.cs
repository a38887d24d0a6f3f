using ProductionReady.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Per-client choices about ProductionReady's outbound resilience.</summary>
public static class ResilienceHttpClientBuilderExtensions
{
    /// <summary>
    /// Gives this client no ProductionReady resilience handler (no retries, timeouts or circuit breaker of ours), for a
    /// client that brings its own policy or must never be retried. The same as listing its name in
    /// <c>ProductionReady:Resilience:ExcludedClients</c>.
    /// </summary>
    /// <param name="builder">The client's builder, from <c>AddHttpClient(...)</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHttpClientBuilder WithoutProductionReadyResilience(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new ResilienceOptOut(builder.Name));
        return builder;
    }
}
