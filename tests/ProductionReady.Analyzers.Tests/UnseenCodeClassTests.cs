using ProductionReady.Analyzers.Tests.Infrastructure;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// Issue 21: the false-positive classes and the misses found measuring PRD001 blind on code bases it was never tuned on
/// (the issue's four, and the five of docs/analyzers-on-real-code.md "Unseen code bases"). Each class has its positive
/// (still a finding) and its negative (quiet) here.
/// </summary>
public sealed class UnseenCodeClassTests
{
    private const string Id = "PRD001";

    private static string PemHeader => "-----BEGIN " + "PRIVATE KEY-----";

    private static string PemFooter => "-----END " + "PRIVATE KEY-----";

    // A generated-looking key, and a certificate thumbprint (40 hex digits, public like the certificate).
    private static string GeneratedKey => "k7Rz" + "Q2mXv9Lp4Tb8Wc1N" + "e5Hs";

    private static string HexClientSecret => "3f9a1c7b" + "e2d40e8a5c19f6b0d3e7a2c4b18f5e9d06";

    private static string Thumbprint => "6B7ACC5203" + "05BFDB4F7252DAEB2177CC091FAAE1";

    private const string Stubs = """
        namespace Duende.IdentityServer.Models
        {
            public sealed class Secret
            {
                public Secret() { }
                public Secret(string value, string? description = null) { Value = value; Description = description; }
                public string? Value { get; set; }
                public string? Type { get; set; }
                public string? Description { get; set; }
            }
            public static class SecretTypes { public const string X509CertificateThumbprint = "X509Thumbprint"; public const string SharedSecret = "SharedSecret"; }
        }
        namespace Shop
        {
            public sealed class Setting { public string? Name { get; set; } public string? Type { get; set; } public string? Value { get; set; } }
            public sealed class HostConfigurator { public void Username(string username) { } public void Password(string password) { } }
            public sealed class BusConfigurator { public void Host(string host, string virtualHost, System.Action<HostConfigurator> configure) { } }
            public sealed class RabbitOptions { public string? HostName { get; set; } public string? UserName { get; set; } public string? Password { get; set; } }
        }
        """;

    public static TheoryData<string> Misses => new()
    {
        // A key whose kind a sibling member gives: settings seeded into a table.
        $$$"""using Shop; var s = new[] { new Setting { Type = "PaymentGatewayApiKey", Value = [|"{{{GeneratedKey}}}"|] }, new Setting { Name = "Smtp.Password", Value = [|"{{{Password}}}"|] } }; Console.WriteLine(s.Length);""",
        $$$"""using Shop; class Seed { Setting Key() => new() { Type = "Settings.Shipping.ApiKey", Value = [|"{{{GeneratedKey}}}"|] }; }""",
        // A private key in JSON assembled from concatenated literals (the same JSON in one literal is caught).
        $$$"""var json = [|"{\"type\": \"service_account\", \"private_key\": \"{{{PemHeader}}}\\n" + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n" + "{{{PemFooter}}}\\n\"}"|]; Console.WriteLine(json);""",
        // The password given to a seeded user where the user manager's type is not known to the compilation.
        $$$"""class Seeder { public async Task Seed(dynamic userManager, object user) { await userManager.CreateAsync(user, [|"{{{Password}}}"|]); await userManager.CreateAsync(user, [|"Admin@123"|]); } }""",
        // Positives next to the new negatives: RabbitMQ's guest on a remote host, a real key beside a non-thumbprint type.
        """using Shop; class Bus { RabbitOptions Options() => new() { HostName = "rabbitmq.internal", UserName = "guest", Password = [|"guest"|] }; }""",
        $$$"""using Duende.IdentityServer.Models; var s = new Secret { Type = SecretTypes.SharedSecret, Value = [|"{{{Password}}}"|] }; Console.WriteLine(s.Value);""",
        // Found on duplicati: a default database key made of words and a number, where a password goes.
        """class Db { static string Key() { var dbPassword = Environment.GetEnvironmentVariable("APP_DB_KEY"); if (string.IsNullOrEmpty(dbPassword)) { dbPassword = [|"Legacy_Key_42"|]; } return dbPassword; } }""",
        // Found on openiddict-core (missed blind): a client secret given to a builder the compilation cannot resolve.
        $$$"""class Client { void Configure(dynamic options) => options.SetClientId("web-client").SetClientSecret([|"{{{HexClientSecret}}}"|]); }""",
        // A connection string that is not in a message stays a finding.
        """Console.WriteLine([|"Host=orders-db;Username=orders;Password=Ord3rs!2024"|]);""",
    };

    [Theory]
    [MemberData(nameof(Misses))]
    public async Task Misses_of_unseen_code_are_found(string markup)
        => await RuleTest.VerifyAsync(Id, ProjectKind.Library, markup, Stubs);

    public static TheoryData<string> FalsePositiveClasses => new()
    {
        // Example credentials inside message text: a startup warning showing how to write a connection string.
        """
        class Startup(Microsoft.Extensions.Logging.ILogger logger)
        {
            void Warn() => Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, "No database configured. Set ConnectionStrings:Default, for example \"Host=localhost;Username=myuser;Password=Secret123;Database=app\".");
            void Fail() => throw new InvalidOperationException("Invalid connection string; expected something like Server=db;User Id=app;Password=S3cr3t!;");
            void Usage() => Console.WriteLine("Usage: tool --db postgres://user:pass1234@host/db (e.g. from your secret store)");
        }
        """,
        // Sample configuration in a string, commented out: a generated default config shows what a user may uncomment.
        """"
        class DefaultConfig
        {
            public const string Ini = """
                [smtp]
                ; password=Relay-2024-pass
                # Password=Relay-2024-pass
                host=smtp.example.com
                """;
            public const string Json = """
                {
                  // "ConnectionString": "Server=db;User Id=app;Password=S3cr3t-2024!",
                  "Logging": { "LogLevel": { "Default": "Information" } }
                }
                """;
            public const string Yaml = """
                # database:
                #   url: postgres://app:S3cr3t-2024@db:5432/app
                server:
                  port: 8080
                """;
        }
        """",
        // A local development tool's or a broker's built-in default bound to localhost.
        """using Shop; class Bus { void Configure(BusConfigurator cfg) => cfg.Host("localhost", "/", h => { h.Username("guest"); h.Password("guest"); }); RabbitOptions Options() => new() { HostName = "localhost", UserName = "guest", Password = "guest" }; }""",
        """Console.WriteLine("smtp://mailpit:mailpit@localhost:1025"); var c = new System.Net.NetworkCredential("mailhog", "mailhog"); var smtp = new System.Net.Mail.SmtpClient("localhost", 1025) { Credentials = c };""",
        """var smtp = new System.Net.Mail.SmtpClient("127.0.0.1", 1025) { Credentials = new System.Net.NetworkCredential("dev", "Dev-1234") };""",
        // Identifiers that contain a credential word: action and route names, cache-key patterns, OAuth grant-type constants.
        """
        class Routes
        {
            public static string PasswordRecoveryConfirm => "passwordrecoveryconfirm";
            public string PasswordRecoveryRoute { get; } = "passwordrecovery/confirm";
            public string ChangePasswordAction = "changepassword";
            public const string CustomerAccessTokenCacheKey = "Nop.customer:accesstoken-{0}";
            public const string AccessTokenPrefixCacheKey = "Nop.customer:accesstoken-*";
            public const string AccessTokenPattern = "identity:accesstoken-*";
            public const string GrantTypePassword = "password";
            public static string Password => "password";
        }
        static class GrantTypes { public static readonly string Password = "password"; public static string ClientCredentials => "client_credentials"; }
        """,
        """var map = new Dictionary<string, string> { { "PasswordRecoveryConfirm", "passwordrecoveryconfirm" }, { "grant_type", "password" } }; Console.WriteLine(map.Count);""",
        // A certificate thumbprint given as a client's secret value is public, like the certificate.
        $$$"""using Duende.IdentityServer.Models; var a = new Secret { Type = SecretTypes.X509CertificateThumbprint, Value = "{{{Thumbprint}}}" }; var b = new Secret("{{{Thumbprint}}}", "client certificate") { Type = SecretTypes.X509CertificateThumbprint }; Console.WriteLine(a.Value + b.Value);""",
        $$$"""class Client { public string ClientSecretThumbprint { get; set; } = "{{{Thumbprint}}}"; public string CertificateThumbprint = "{{{Thumbprint}}}"; }""",
        // Found on duplicati: help texts showing a URI format, an option's description after its name, option-name
        // constants and lists of actions named after passphrases; on Exceptionless: token-filter names, a marker, a redaction.
        """
        static class Strings
        {
            public static string Description => Localize(@"Reads and writes data to an FTP server. Allowed formats are ""ftp://hostname/folder"" and ""ftp://username:password@hostname/folder"".");
            public static string Usage => "Example: ftp://user:pass1234@server/folder";
            static string Localize(string text) => text;
        }
        class Options
        {
            private const string PasswordOption = "password";
            private static readonly string[] PASSPHRASELESS_ACTIONS = { "CreateLogDb", "TestFilters", "ListAffected", "SystemInfo" };
            private const string VERSION_PAD1_TOKEN_FILTER = "version_pad1";
            public const string SlackToken = "-@slack";
            static KeyValuePair<string, string> Describe() => new("--settings-encryption-key", "Settings encryption key for the database (if settings are encrypted)");
            static string Redact(string text) => text.Replace("password=*****", $"password={Redacted}");
            const string Redacted = "***";
        }
        """,
        // Found on openiddict-core: token types ("typ" values) named after the token.
        """static class TokenTypes { public const string AccessToken = "at+jwt"; public const string RefreshToken = "oi_reft+jwt"; public const string StateToken = "oi_stet+jwt"; }""",
        // Names about secrets, with or without a number: an environment variable's name, a version suffix.
        """class Names { static string A() { var password = "DB_PASSWORD_2"; var secret = "client_secret"; var apiKey = "ApiKey"; return password + secret + apiKey; } }""",
        // A sibling member that names something other than a credential.
        $$$"""using Shop; var s = new Setting { Name = "Catalog.PageSize", Value = "{{{GeneratedKey}}}" }; Console.WriteLine(s.Value);""",
        // Found on elsa-core: a validation error's field name, then its code and message ("signingKeys", "required", …).
        """
        record ValidationError(string Field, string Code, string Message);
        class SettingsParser
        {
            void Validate(List<ValidationError> errors)
            {
                errors.Add(new("signingKeys", "required", "Manual trust requires signing keys or a JWKS URI."));
                errors.Add(new("clientSecret", "missing", "A client secret is required."));
                errors.Add(new ValidationError("apiKey", "invalid", "The API key has the wrong format."));
            }
        }
        """,
        // Found on elsa-core: a strong name's public key token, named after a public key (public, like the key).
        """class SharedAssembly { public const string PublicKeyToken = "31bf3856ad364e35"; public string ServerPublicKeyToken { get; } = "b77a5c561934e089"; }""",
    };

    [Fact]
    public async Task A_public_key_token_in_configuration_stays_quiet_beside_a_working_key()
    {
        // elsa-core's appsettings.json: a strong name's PublicKeyToken (public) and an encryption key in base64 (a working
        // 32-byte key, reported).
        var json = $$"""
            {
              "SharedAssemblies": [ { "Name": "System.Private.CoreLib", "PublicKeyToken": "31bf3856ad364e35" } ],
              "Secrets": { "EncryptionKey": "{{SigningKey}}=" }
            }
            """;
        var found = await ConfigurationFileRun.AnalyzeAsync("/app/appsettings.json", json);
        Assert.Equal(new[] { ("PRD002", "/app/appsettings.json(3,33)-(3,78)") }, found.Select(f => (f.Id, f.Where)));
    }

    [Theory]
    [MemberData(nameof(FalsePositiveClasses))]
    public async Task False_positive_classes_of_unseen_code_stay_quiet(string source)
        => await RuleTest.VerifyAsync(Id, ProjectKind.Library, source, Stubs);
}
