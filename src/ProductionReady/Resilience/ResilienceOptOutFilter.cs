using Microsoft.Extensions.Http;

namespace ProductionReady.Resilience;

/// <summary>
/// Takes our resilience handler off a client that opted out (<c>WithoutProductionReadyResilience()</c>,
/// <c>ExcludedClients</c>) or off every client when the capability is off. A filter, because only it knows the client's
/// name as the chain is built; decided from the final options each time the factory builds a chain.
/// </summary>
internal sealed class ResilienceOptOutFilter : IHttpMessageHandlerBuilderFilter
{
    private readonly IOptions<ProductionReadyResilienceOptions> _options;
    private readonly StandardHandlers _ours;
    private readonly HashSet<string> _optedOut;

    public ResilienceOptOutFilter(IOptions<ProductionReadyResilienceOptions> options, StandardHandlers ours, IEnumerable<ResilienceOptOut> optedOut)
    {
        _options = options;
        _ours = ours;
        _optedOut = new HashSet<string>(optedOut.Select(o => o.ClientName), StringComparer.Ordinal);
    }

    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        var name = builder.Name ?? string.Empty;
        var options = _options.Value;
        if (options.Enabled && !_optedOut.Contains(name) && !options.ExcludedClients.Contains(name, StringComparer.Ordinal))
        {
            return;
        }

        for (var i = builder.AdditionalHandlers.Count - 1; i >= 0; i--)
        {
            if (_ours.IsOurs(builder.AdditionalHandlers[i]))
            {
                builder.AdditionalHandlers.RemoveAt(i);
            }
        }
    };
}
