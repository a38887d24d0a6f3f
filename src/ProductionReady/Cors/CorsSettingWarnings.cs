using ProductionReady.Common;

namespace ProductionReady.Cors;

/// <summary>Valid CORS settings that weaken the service: credentials together with any header or method.</summary>
internal sealed class CorsSettingWarnings(IOptions<ProductionReadyCorsOptions> options) : ISettingWarnings
{
    public IEnumerable<SettingWarning> Find(IHostEnvironment environment)
    {
        var o = options.Value;
        if (!o.AllowCredentials)
        {
            yield break;
        }

        foreach (var (name, values) in new[] { (nameof(o.AllowedHeaders), o.AllowedHeaders), (nameof(o.AllowedMethods), o.AllowedMethods) })
        {
            if (values.Any(v => v?.Trim() == "*"))
            {
                yield return new SettingWarning(
                    $"{ProductionReadyCorsOptions.SectionName}:{name}",
                    $"has '*' while AllowCredentials is true: the allowed origins may send any {(name == nameof(o.AllowedHeaders) ? "header" : "method")} with their visitors' cookies. List the ones the browser client really sends.");
            }
        }
    }
}
