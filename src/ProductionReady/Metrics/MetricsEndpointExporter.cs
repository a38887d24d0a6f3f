namespace ProductionReady;

/// <summary>
/// Where an exporter package registers its <see cref="IMetricsEndpointExporter"/> before the app builds its
/// host. <c>ProductionReady.Prometheus</c> does it from a module initializer its package adds to the app, so a
/// package reference is all it takes.
/// </summary>
public static class MetricsEndpointExporter
{
    private static IMetricsEndpointExporter? s_current;

    /// <summary>The registered exporter, if any.</summary>
    internal static IMetricsEndpointExporter? Current => Volatile.Read(ref s_current);

    /// <summary>
    /// Registers the exporter that answers the metrics endpoint of every host built afterwards in this
    /// process. One exporter answers the endpoint: a second registration replaces the first.
    /// </summary>
    /// <param name="exporter">The exporter.</param>
    public static void Register(IMetricsEndpointExporter exporter)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        Volatile.Write(ref s_current, exporter);
    }
}
