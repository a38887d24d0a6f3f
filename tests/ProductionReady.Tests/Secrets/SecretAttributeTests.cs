using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ProductionReady.Tests.Secrets;

public sealed class PaymentOptions
{
    [Secret(SecretKind.ApiSecret)]
    public string? ApiKey { get; set; }

    [Secret(SecretKind.Password, MinimumLength = 16)]
    public string? WebhookPassword { get; set; }

    [Secret(Optional = true)]
    public string? OptionalKey { get; set; }
}

/// <summary>The options validation source generator, with [Secret] among its attributes.</summary>
[OptionsValidator]
public sealed partial class PaymentOptionsValidator : IValidateOptions<PaymentOptions>;

public sealed class SecretAttributeTests
{
    private static PaymentOptions Strong() => new() { ApiKey = TestSecrets.StrongKey(), WebhookPassword = TestSecrets.StrongPassword() };

    [Fact]
    public void Strong_values_pass_data_annotations()
    {
        var options = Strong();
        var results = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true), string.Join("; ", results));
    }

    [Fact]
    public void Weak_and_missing_values_fail_data_annotations_without_the_value_in_the_message()
    {
        var weak = "admin" + "12345678";
        var options = new PaymentOptions { ApiKey = weak };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));

        Assert.Equal(2, results.Count);
        var apiKey = Assert.Single(results, r => r.MemberNames.Contains(nameof(PaymentOptions.ApiKey)));
        Assert.Contains("[known-weak-value]", apiKey.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 48", apiKey.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(weak, apiKey.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        var missing = Assert.Single(results, r => r.MemberNames.Contains(nameof(PaymentOptions.WebhookPassword)));
        Assert.Contains("[missing]", missing.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_property_thresholds_apply()
    {
        var options = Strong();
        options.WebhookPassword = "Kp9#vX2m!qLz7@W"; // 15 characters: a password, but this property asks for 16
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("needs at least 16", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Works_with_ValidateDataAnnotations_on_its_own()
    {
        var weak = "Change" + "Me123!";
        using var provider = new ServiceCollection()
            .AddOptions<PaymentOptions>().Configure(o => { o.ApiKey = weak; o.WebhookPassword = TestSecrets.StrongPassword(); }).ValidateDataAnnotations().Services
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PaymentOptions>>().Value);
        Assert.Contains("ApiKey [known-weak-value]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(weak, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Works_with_the_options_validation_source_generator()
    {
        var validator = new PaymentOptionsValidator();
        Assert.True(validator.Validate(null, Strong()).Succeeded);

        var placeholder = "<your-api-key>";
        var result = validator.Validate(null, new PaymentOptions { ApiKey = placeholder, WebhookPassword = TestSecrets.StrongPassword() });
        Assert.True(result.Failed);
        Assert.Contains("[placeholder]", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(placeholder, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_strings_can_be_secrets()
    {
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateValue(42, new ValidationContext(new object()) { MemberName = "Port" }, results, [new SecretAttribute()]));
        Assert.Contains("string", results[0].ErrorMessage, StringComparison.Ordinal);
    }
}
