namespace ProductionReady.Prometheus;

/// <summary>
/// Registers the Prometheus exporter with ProductionReady. The package's build targets call
/// <see cref="Register"/> from a module initializer in the app; call it yourself only where that file is
/// switched off (<c>ProductionReadyPrometheusRegistration=false</c>) or not compiled (a language other than C#),
/// before the host is built.
/// </summary>
public static class ProductionReadyPrometheus
{
    /// <summary>Makes the metrics endpoint answer with the Prometheus text exposition. Calling it again changes nothing.</summary>
    public static void Register() => MetricsEndpointExporter.Register(PrometheusEndpointExporter.Instance);
}
