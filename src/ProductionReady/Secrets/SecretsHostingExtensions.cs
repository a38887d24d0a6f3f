using ProductionReady;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers startup secret validation on its own.</summary>
public static class SecretsHostingExtensions
{
    /// <summary>Adds startup secret validation, configured from <c>ProductionReady:Secrets</c> and then from <paramref name="configure"/>.</summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadySecretValidation(this IHostApplicationBuilder builder, Action<SecretValidationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SecretValidationOptions>().BindConfiguration(SecretValidationOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder;
    }
}
