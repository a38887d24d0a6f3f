using System.Globalization;

namespace ProductionReady.SecurityEvents;

/// <summary>Validates <see cref="ProductionReadySecurityEventsOptions"/> at startup; every message names the full key and says what to do.</summary>
internal sealed class ProductionReadySecurityEventsOptionsValidator : IValidateOptions<ProductionReadySecurityEventsOptions>
{
    private const string Section = ProductionReadySecurityEventsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ProductionReadySecurityEventsOptions options)
    {
        if (options.Enabled && (options.SummaryWindow < TimeSpan.FromSeconds(1) || options.SummaryWindow > TimeSpan.FromHours(1)))
        {
            return ValidateOptionsResult.Fail(
                $"{Section}:SummaryWindow must be between 00:00:01 and 01:00:00 (got {options.SummaryWindow.ToString("c", CultureInfo.InvariantCulture)}): set a value in that range, or remove the key for the default (00:00:10).");
        }

        return ValidateOptionsResult.Success;
    }
}
