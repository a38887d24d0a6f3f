using OpenTelemetry.Resources;
using ProductionReady.Common;

namespace ProductionReady.Metrics;

/// <summary>
/// The service's OpenTelemetry resource, from the same <see cref="ServiceIdentity"/> that stamps every stdout event:
/// <c>service.name</c>, <c>service.version</c>, <c>deployment.environment.name</c> (and the older
/// <c>deployment.environment</c>, which many backends still key on). Every log record, span and metric exported
/// over OTLP carries it. What the operator set through the standard variables (<c>OTEL_SERVICE_NAME</c>,
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>) wins: those keys are left to OpenTelemetry's own detectors.
/// </summary>
internal sealed class ServiceResourceDetector : IResourceDetector
{
    private readonly ServiceIdentity _identity;
    private readonly IConfiguration _configuration;

    public ServiceResourceDetector(ServiceIdentity identity, IConfiguration configuration)
    {
        _identity = identity;
        _configuration = configuration;
    }

    public Resource Detect()
    {
        var configured = ConfiguredKeys();
        var attributes = new List<KeyValuePair<string, object>>(4);
        Add("service.name", _identity.Name);
        Add("service.version", _identity.Version);
        Add("deployment.environment.name", _identity.Environment);
        Add("deployment.environment", _identity.Environment);
        return new Resource(attributes);

        void Add(string key, string value)
        {
            if (!configured.Contains(key))
            {
                attributes.Add(new(key, value));
            }
        }
    }

    private HashSet<string> ConfiguredKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(_configuration["OTEL_SERVICE_NAME"]))
        {
            keys.Add("service.name");
        }

        // OTEL_RESOURCE_ATTRIBUTES: key1=value1,key2=value2.
        foreach (var pair in (_configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                keys.Add(pair[..equals].Trim());
            }
        }

        return keys;
    }
}
