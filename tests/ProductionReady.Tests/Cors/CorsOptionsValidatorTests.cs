using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using ProductionReady.Cors;

namespace ProductionReady.Tests.Cors;

/// <summary>What the CORS settings refuse at startup, per environment, and that each message starts with the full key.</summary>
public sealed class CorsOptionsValidatorTests
{
    [Theory]
    [InlineData("*", "ProductionReady:Cors:AllowedOrigins:0 is '*'")]
    [InlineData("http://app.example.com", "ProductionReady:Cors:AllowedOrigins:0 ('http://app.example.com') is plain HTTP")]
    [InlineData("http://localhost:5173", "ProductionReady:Cors:AllowedOrigins:0 ('http://localhost:5173') is plain HTTP")]
    [InlineData("https://app.example.com/app", "ProductionReady:Cors:AllowedOrigins:0 ('https://app.example.com/app') has a path")]
    [InlineData("https://app.example.com/", "has a path, query or user name")]
    [InlineData("https://*.example.com", "has a wildcard")]
    [InlineData("app.example.com", "is not an origin")]
    public void Production_refuses_permissive_or_malformed_origins(string origin, string expected)
    {
        var result = Validate("Production", new ProductionReadyCorsOptions { AllowedOrigins = [origin] });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("ProductionReady:Cors:AllowedOrigins:0", StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Credentials_with_a_wildcard_are_refused_even_in_Development()
    {
        var result = Validate("Development", new ProductionReadyCorsOptions { AllowedOrigins = ["*"], AllowCredentials = true });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("ProductionReady:Cors:AllowCredentials is true while ProductionReady:Cors:AllowedOrigins has '*'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://localhost:5173")]
    [InlineData("http://127.0.0.1:3000")]
    [InlineData("http://[::1]:3000")]
    [InlineData("*")]
    public void Development_accepts_loopback_origins_and_a_wildcard(string origin)
        => Assert.True(Validate("Development", new ProductionReadyCorsOptions { AllowedOrigins = [origin] }).Succeeded);

    [Fact]
    public void Development_still_refuses_plain_http_to_another_host()
        => Assert.True(Validate("Development", new ProductionReadyCorsOptions { AllowedOrigins = ["http://app.example.com"] }).Failed);

    [Fact]
    public void Exact_https_origins_with_methods_and_headers_pass_in_Production()
    {
        var options = new ProductionReadyCorsOptions
        {
            AllowedOrigins = ["https://app.example.com", "https://admin.example.com:8443", ""],
            AllowedMethods = ["GET", "POST"],
            AllowedHeaders = ["*"],
            ExposedHeaders = ["ETag"],
            AllowCredentials = true,
        };

        Assert.True(Validate("Production", options).Succeeded);
    }

    [Fact]
    public void A_method_or_header_that_is_not_a_token_is_refused()
    {
        var result = Validate("Production", new ProductionReadyCorsOptions { AllowedMethods = ["GET POST"], AllowedHeaders = ["Content-Type: x"] });

        Assert.Contains(result.Failures!, f => f.StartsWith("ProductionReady:Cors:AllowedMethods:0", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("ProductionReady:Cors:AllowedHeaders:0", StringComparison.Ordinal));
    }

    private static ValidateOptionsResult Validate(string environment, ProductionReadyCorsOptions options)
        => new CorsOptionsValidator(new Environment(environment)).Validate(null, options);

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
