namespace ProductionReady.Common;

/// <summary>
/// The one answer of every <c>UseProductionReadyXxx()</c> whose <c>AddProductionReadyXxx()</c> was not called: an
/// <see cref="InvalidOperationException"/> naming the missing call, at startup (as ASP.NET Core's <c>UseRateLimiter</c>
/// does), never a middleware that silently does nothing or runs on defaults nobody validated.
/// </summary>
internal static class CapabilityRegistration
{
    /// <summary>Throws unless <typeparamref name="TMarker"/>, a service only <c>AddProductionReady{capability}()</c> registers, is registered.</summary>
    public static void EnsureAdded<TMarker>(IApplicationBuilder app, string capability)
    {
        var services = app.ApplicationServices;
        var added = services.GetService<IServiceProviderIsService>() is { } isService
            ? isService.IsService(typeof(TMarker))
            : services.GetService(typeof(TMarker)) is not null;
        if (!added)
        {
            throw Missing(capability);
        }
    }

    /// <summary>The exception for <c>UseProductionReady{capability}()</c> called without its <c>Add</c>.</summary>
    public static InvalidOperationException Missing(string capability) => new(
        $"UseProductionReady{capability}() needs its services: call builder.AddProductionReady{capability}() (or builder.AddProductionReady()) before builder.Build().");
}
