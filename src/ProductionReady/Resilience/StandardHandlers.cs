using System.Runtime.CompilerServices;
using Microsoft.Extensions.Http.Resilience;

namespace ProductionReady.Resilience;

/// <summary>The resilience handlers ProductionReady put on clients (weakly held: a handler lives as long as its client's chain).</summary>
internal sealed class StandardHandlers
{
    private readonly ConditionalWeakTable<ResilienceHandler, object> _ours = [];

    public void Mark(ResilienceHandler handler) => _ours.AddOrUpdate(handler, this);

    public bool IsOurs(DelegatingHandler handler) => handler is ResilienceHandler resilience && _ours.TryGetValue(resilience, out _);
}
