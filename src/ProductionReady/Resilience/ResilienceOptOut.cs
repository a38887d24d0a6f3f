namespace ProductionReady.Resilience;

/// <summary>A client that asked, in code, for no resilience handler (<c>WithoutProductionReadyResilience()</c>).</summary>
internal sealed record ResilienceOptOut(string ClientName);
