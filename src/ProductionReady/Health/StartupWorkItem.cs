namespace ProductionReady.Health;

/// <summary>One registered piece of startup work.</summary>
internal sealed record StartupWorkItem(string Name, Func<IServiceProvider, CancellationToken, Task> Run);
