using Microsoft.AspNetCore.Routing;

namespace ProductionReady.Common;

/// <summary>
/// The app's own route collections, kept when the pipeline is configured (<c>UseProductionReady*</c>
/// receives the <c>WebApplication</c>), so the reserved-paths check can see every endpoint the app maps
/// before the host starts: the container's <see cref="EndpointDataSource"/> is filled only when the
/// request pipeline is built, after the host has started its first services.
/// </summary>
internal sealed class AppEndpoints
{
    private readonly List<ICollection<EndpointDataSource>> _sources = [];

    /// <summary>Keeps <paramref name="app"/>'s route collection when it is a route builder (a <c>WebApplication</c>).</summary>
    public static void Track(IApplicationBuilder app)
    {
        if (app is IEndpointRouteBuilder routes && app.ApplicationServices.GetService<AppEndpoints>() is { } endpoints)
        {
            lock (endpoints._sources)
            {
                if (!endpoints._sources.Contains(routes.DataSources))
                {
                    endpoints._sources.Add(routes.DataSources);
                }
            }
        }
    }

    /// <summary>Every endpoint known now: the tracked collections and the container's data source.</summary>
    public EndpointDataSource Snapshot(EndpointDataSource? registered)
    {
        var sources = new List<EndpointDataSource>();
        lock (_sources)
        {
            sources.AddRange(_sources.SelectMany(s => s));
        }

        if (registered is not null)
        {
            sources.Add(registered);
        }

        return new CompositeEndpointDataSource(sources.Distinct());
    }
}
