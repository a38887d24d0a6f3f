using Microsoft.AspNetCore.Cors.Infrastructure;

namespace ProductionReady.Cors;

/// <summary>
/// Builds the framework's default CORS policy from the validated <see cref="ProductionReadyCorsOptions"/>,
/// when they list at least one origin (otherwise the app's own CORS setup, if any, is left alone).
/// </summary>
internal sealed class CorsDefaultPolicy(IOptions<ProductionReadyCorsOptions> options) : IConfigureOptions<CorsOptions>
{
    public void Configure(CorsOptions cors)
    {
        var settings = options.Value;
        var origins = Origins(settings);
        if (origins.Length == 0)
        {
            return;
        }

        cors.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
            }

            Apply(Clean(settings.AllowedMethods), policy.AllowAnyMethod, m => policy.WithMethods(m));
            Apply(Clean(settings.AllowedHeaders), policy.AllowAnyHeader, h => policy.WithHeaders(h));
            var exposed = Clean(settings.ExposedHeaders);
            if (exposed.Length > 0)
            {
                policy.WithExposedHeaders(exposed);
            }

            if (settings.AllowCredentials)
            {
                policy.AllowCredentials();
            }

            policy.SetPreflightMaxAge(settings.PreflightMaxAge);
        });
    }

    /// <summary>The configured origins, trimmed, without empty entries.</summary>
    public static string[] Origins(ProductionReadyCorsOptions settings) => Clean(settings.AllowedOrigins);

    private static string[] Clean(List<string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    private static void Apply(string[] values, Func<CorsPolicyBuilder> any, Action<string[]> some)
    {
        if (values.Contains("*"))
        {
            any();
        }
        else
        {
            some(values);
        }
    }
}
