using Microsoft.Extensions.DependencyInjection.Extensions;
using ProductionReady;
using ProductionReady.Common;
using ProductionReady.Secrets;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers startup secret validation on its own.</summary>
public static class SecretsHostingExtensions
{
    /// <summary>
    /// Adds startup secret validation, configured from <c>ProductionReady:Secrets</c> and then from
    /// <paramref name="configure"/>: <see cref="SecretAttribute"/> options, required secrets and a
    /// configuration-wide scan, judged once when the host starts and before the server listens. In
    /// Production (<see cref="ProductionReadySecretsOptions.FailInEnvironments"/>) a problem stops the host
    /// with one report; elsewhere the report is a warning. (<c>--validate-config</c> belongs to
    /// <c>AddProductionReady()</c>.)
    /// </summary>
    /// <param name="builder">The host application builder.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHostApplicationBuilder AddProductionReadySecrets(this IHostApplicationBuilder builder, Action<ProductionReadySecretsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!CapabilityOptions.Add<ProductionReadySecretsOptions, SecretValidationOptionsValidator>(builder, ProductionReadySecretsOptions.SectionName, configure, static (section, o) => ReportRuleNamesSection.Over(section).Bind(o)))
        {
            return builder;
        }

        var services = builder.Services;
        services.TryAddSingleton<DeclaredSecretProblems>();
        services.TryAddSingleton<KnownSecretValues>();
        services.TryAddSingleton<IKnownSecretValues>(sp => sp.GetRequiredService<KnownSecretValues>());
        services.TryAddSingleton<SecretReportOutput>();
        services.TryAddSingleton<SecretValidator>();
        services.AddMetrics();
        services.TryAddSingleton<SecretMetrics>();

        // Judges [Secret] properties of every options type as instances are created; registered now so
        // that it runs before the app's ValidateDataAnnotations() / [OptionsValidator] validators.
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IValidateOptions<>), typeof(SecretOptionsValidator<>)));
        services.TryAddSingleton<SecretValidationHostedService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPreStartCheck, SecretValidationHostedService>(sp => sp.GetRequiredService<SecretValidationHostedService>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SecretValidationHostedService>(sp => sp.GetRequiredService<SecretValidationHostedService>()));
        return builder;
    }
}
