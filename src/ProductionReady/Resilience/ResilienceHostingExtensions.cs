using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.Resilience;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers outbound resilience on its own.</summary>
public static class ResilienceHostingExtensions
{
    /// <summary>
    /// Puts the standard resilience handler of <c>Microsoft.Extensions.Http.Resilience</c> on every
    /// <see cref="System.Net.Http.HttpClient"/> from <c>IHttpClientFactory</c> (named, typed and the default client):
    /// a timeout per attempt and in total, retries with jittered exponential back-off for idempotent methods only,
    /// and a circuit breaker. Configured from <c>ProductionReady:Resilience</c> and then from
    /// <paramref name="configure"/>, validated at startup. A client opts out with
    /// <c>WithoutProductionReadyResilience()</c> or <c>ProductionReady:Resilience:ExcludedClients</c>.
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadyResilience(this IHostApplicationBuilder builder, Action<ProductionReadyResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!CapabilityOptions.Add<ProductionReadyResilienceOptions, ProductionReadyResilienceOptionsValidator>(builder, ProductionReadyResilienceOptions.SectionName, configure, static (section, o) => section.Bind(o)))
        {
            return builder;
        }

        var services = builder.Services;
        services.TryAddSingleton<StandardHandlers>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, ResilienceOptOutFilter>());
        services.ConfigureHttpClientDefaults(static http =>
        {
            http.AddStandardResilienceHandler().Configure(static (HttpStandardResilienceOptions standard, IServiceProvider services) =>
                Apply(standard, services.GetRequiredService<IOptions<ProductionReadyResilienceOptions>>().Value));

            // The handler just added is ours: marked, so that the opt-out filter removes it and never one the app added.
            http.ConfigureAdditionalHttpMessageHandlers(static (handlers, services) =>
            {
                if (handlers.Count > 0 && handlers[^1] is ResilienceHandler ours)
                {
                    services.GetRequiredService<StandardHandlers>().Mark(ours);
                }
            });
        });
        return builder;
    }

    private static void Apply(HttpStandardResilienceOptions standard, ProductionReadyResilienceOptions options)
    {
        standard.AttemptTimeout.Timeout = options.AttemptTimeout;
        standard.TotalRequestTimeout.Timeout = options.TotalTimeout;
        standard.Retry.MaxRetryAttempts = options.MaxRetryAttempts;
        standard.Retry.Delay = options.RetryDelay;
        IdempotentRetries.Apply(standard.Retry);

        // The standard validation wants the breaker's window at least twice the attempt timeout.
        var window = options.AttemptTimeout * 2;
        if (standard.CircuitBreaker.SamplingDuration < window)
        {
            standard.CircuitBreaker.SamplingDuration = window;
        }
    }
}
