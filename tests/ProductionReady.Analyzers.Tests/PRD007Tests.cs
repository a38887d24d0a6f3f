using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD007: options with [Secret] properties registered without ValidateOnStart.</summary>
public sealed class PRD007Tests
{
    private const string OptionsClasses = """
        public sealed class PaymentOptions { [ProductionReady.Secret] public string ApiKey { get; set; } = ""; }
        public sealed class MailOptions { [ProductionReady.Secret] public string Password { get; set; } = ""; }
        public sealed class ValidatedOptions { [ProductionReady.Secret] public string Token { get; set; } = ""; }
        public sealed class PlainOptions { public string Host { get; set; } = ""; }
        """;

    [Fact]
    public async Task Registrations_without_ValidateOnStart_are_flagged()
        => await RuleTest.VerifyAsync("PRD007", ProjectKind.WebApp, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.[|AddOptions<PaymentOptions>|]().BindConfiguration("Payments").ValidateDataAnnotations();
            builder.Services.[|Configure<MailOptions>|](builder.Configuration.GetSection("Mail"));
            builder.Services.AddOptions<ValidatedOptions>().BindConfiguration("V").ValidateOnStart();
            builder.Services.Configure<ValidatedOptions>(o => o.Token = "");
            builder.Services.AddOptionsWithValidateOnStart<ValidatedOptions>();
            builder.Services.AddOptions<PlainOptions>().BindConfiguration("Plain");
            builder.Build().MapHealthChecks("/health").ToString();
            """, OptionsClasses);
}
