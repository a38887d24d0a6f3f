using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ProductionReady.Analyzers.Tests.Infrastructure;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD001 (and PRD009 in test projects): every literal form and credential position of the issue.</summary>
public sealed class HardcodedCredentialTests
{
    private const string Id = "PRD001";

    public static TheoryData<string> FlaggedForms => new()
    {
        // Variables, fields, properties, constants, static readonly; regular, verbatim, raw and UTF-8 literals.
        $$"""var password = [|"{{Password}}"|]; Console.WriteLine(password);""",
        $$"""var dbPwd = [|@"{{Password}}"|]; Console.WriteLine(dbPwd);""",
        $$""""var apiKey = [|"""{{Password}}"""|]; Console.WriteLine(apiKey);"""",
        $$"""ReadOnlySpan<byte> token = [|"{{Password}}"u8|]; Console.WriteLine(token.Length);""",
        $$"""class C { private const string ClientSecret = [|"{{Password}}"|]; }""",
        $$"""class C { public static readonly string SigningKey = [|"{{SigningKey}}"|]; }""",
        $$"""class C { public string Passphrase { get; set; } = [|"{{Password}}"|]; }""",
        $$"""class C { public string ApiToken => [|"{{Password}}"|]; }""",
        $$"""class C { string GetPrivateKey() { return [|"{{SigningKey}}"|]; } }""",
        // Interpolated with literal parts.
        $$"""var host = "db"; var cs = [|$"Host={host};Username=app;Password={{Password}}"|]; Console.WriteLine(cs);""",
        $$"""var env = "x"; var apiKey = [|$"{env}-{{Password}}"|]; Console.WriteLine(apiKey);""",
        // Assignments, object and collection initializers, switch arms, ?: and ??.
        $$"""var o = new Options(); o.Password = [|"{{Password}}"|]; class Options { public string? Password { get; set; } }""",
        $$"""var o = new Options { ClientSecret = [|"{{Password}}"|] }; class Options { public string? ClientSecret { get; set; } }""",
        $$"""var env = args.Length; var password = env switch { 0 => [|"{{Password}}"|], _ => [|"{{OtherPassword}}"|] }; Console.WriteLine(password);""",
        $$"""var secret = args.Length > 0 ? args[0] : [|"{{Password}}"|]; Console.WriteLine(secret);""",
        $$"""var token = Environment.GetEnvironmentVariable("T") ?? [|"{{Password}}"|]; Console.WriteLine(token);""",
        $$"""string[] passwords = { [|"{{Password}}"|], [|"{{OtherPassword}}"|] }; Console.WriteLine(passwords.Length);""",
        // Named and positional arguments, records, primary constructors, attributes.
        $$"""Login(user: "app", password: [|"{{Password}}"|]); static void Login(string user, string password) { }""",
        $$"""Login("app", [|"{{Password}}"|]); static void Login(string user, string password) { }""",
        $$"""var c = new Db("app", [|"{{Password}}"|]); record Db(string User, string Password);""",
        $$"""record Db(string User, string Password = [|"{{Password}}"|]);""",
        $$"""class Client(string apiKey) { public string Key => apiKey; } class Derived() : Client([|"{{Password}}"|]);""",
        $$"""[Credential([|"{{Password}}"|])] class C { } class CredentialAttribute(string password) : Attribute { }""",
        $$"""[Credential(Password = [|"{{Password}}"|])] class C { } class CredentialAttribute : Attribute { public string? Password { get; set; } }""",
        // Connection strings and URIs, wherever they are.
        $$"""Console.WriteLine([|"Server=db;Database=app;User Id=sa;Password={{Password}};"|]);""",
        $$"""Console.WriteLine([|"Host=db;Username=app;Pwd={{Password}}"|]);""",
        $$"""Console.WriteLine([|"Server=db;Uid=app;Pwd='{{Password}}';"|]);""",
        $$"""Console.WriteLine(new Uri([|"postgres://app:{{Password}}@db:5432/app"|]));""",
        $$"""Console.WriteLine([|"mongodb+srv://app:{{Password}}@cluster0.example.net/db"|]);""",
        $$"""Console.WriteLine([|"redis://default:{{Password}}@cache:6379"|]);""",
        $$"""Console.WriteLine([|"amqp://app:{{Password}}@rabbit:5672/vhost"|]);""",
        $$"""Console.WriteLine([|"https://deploy:{{Password}}@git.example.com/repo.git"|]);""",
        // Credential constructors and APIs.
        $$"""var c = new System.Net.NetworkCredential("app", [|"{{Password}}"|]); Console.WriteLine(c);""",
        $$"""var k = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes([|"this is my custom secret key for authentication"|])); namespace Microsoft.IdentityModel.Tokens { public class SymmetricSecurityKey(byte[] key) { } }""",
        $$"""var cert = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile("cert.pfx", [|"{{Password}}"|]); Console.WriteLine(cert);""",
        $$"""var settings = new Dictionary<string, string?> { ["Jwt:Key"] = [|"{{SigningKey}}"|], ["Jwt:Issuer"] = "me" }; Console.WriteLine(settings.Count);""",
        $$"""var settings = new Dictionary<string, string?> { { "Stripe:ApiKey", [|"{{Password}}"|] } }; Console.WriteLine(settings.Count);""",
        $$"""Environment.SetEnvironmentVariable("DB_PASSWORD", [|"{{Password}}"|]);""",
        $$"""var pair = new KeyValuePair<string, string?>("ConnectionStrings__Password", [|"{{Password}}"|]); Console.WriteLine(pair);""",
        $$"""var http = new HttpClient(); http.DefaultRequestHeaders.Add("X-Api-Key", [|"{{Password}}"|]);""",
        // Well-known token formats anywhere.
        $$"""Console.WriteLine([|"{{AwsAccessKey}}"|]);""",
        $$"""var x = [|"{{GitHubToken}}"|]; Console.WriteLine(x);""",
        $$"""var x = [|"{{SlackToken}}"|]; Console.WriteLine(x);""",
        $$"""var x = [|"{{StripeLiveKey}}"|]; Console.WriteLine(x);""",
        $$"""var x = [|"{{GoogleApiKey}}"|]; Console.WriteLine(x);""",
        $$"""var x = [|"{{PrivateKeyPem}}"|]; Console.WriteLine(x);""",
        $$"""var x = [|"Bearer {{Jwt}}"|]; Console.WriteLine(x);""",
        // Issue 13: a weak or default credential hardcoded in C# is a hardcoded credential.
        """var password = [|"changeme"|]; var pwd = [|"P@ssw0rd"|]; Console.WriteLine(password + pwd);""",
        """var cs = [|"Host=db;Username=app;Password=postgres"|]; Console.WriteLine(cs);""",
    };

    [Theory]
    [MemberData(nameof(FlaggedForms))]
    public async Task Flags_every_literal_form_in_a_credential_position(string markup)
        => await RuleTest.VerifyAsync(Id, ProjectKind.Library, markup);

    public static TheoryData<string> NotFlagged => new()
    {
        """var password = ""; Console.WriteLine(password);""",
        """var password = "<your-password>"; Console.WriteLine(password);""",
        """var password = "${DB_PASSWORD}"; Console.WriteLine(password);""",
        """var secret = "CHANGE_ME"; Console.WriteLine(secret);""",
        """const string PasswordVariable = "DB_PASSWORD"; var password = Environment.GetEnvironmentVariable("DB_PASSWORD"); Console.WriteLine(PasswordVariable + password);""",
        """const string ApiKeyHeader = "X-Api-Key"; const string JwtKeyName = "Jwt:Key"; Console.WriteLine(ApiKeyHeader + JwtKeyName);""",
        """var label = "Enter your password"; var passwordPrompt = "Password:"; var password = "Please enter a password"; Console.WriteLine(label + passwordPrompt + password);""",
        """const int PasswordMinLength = 12; const string PasswordPolicy = "At least 12 characters"; Console.WriteLine(PasswordPolicy + PasswordMinLength);""",
        """var password = string.Format("{0}{1}", 1, 2); var tokenFormat = "Bearer {0}"; Console.WriteLine(password + tokenFormat);""",
        """var password = new System.Text.RegularExpressions.Regex("^(?=.*[A-Z])(?=.*\\d).{12,}$"); Console.WriteLine(password);""",
        """var secretPattern = @"(?i)secret\s*=\s*\S+"; Console.WriteLine(secretPattern);""",
        """var config = new ConfigurationBuilder().Build(); var password = config["Db:Password"]; var apiKey = config.GetValue<string>("Stripe:ApiKey"); Console.WriteLine(password + apiKey);""",
        """var cs = "Server=db;Database=app;Integrated Security=true;TrustServerCertificate=true"; Console.WriteLine(cs);""",
        """var connectionString = "Host=db;Database=app;Username=app"; Console.WriteLine(connectionString);""",
        """var tokenEndpoint = "https://login.example.com/oauth2/token"; var grantType = "client_credentials"; var token = "refresh_token"; Console.WriteLine(tokenEndpoint + grantType + token);""",
        """var cacheKey = "user:42:profile"; var primaryKey = "CustomerId"; Console.WriteLine(cacheKey + primaryKey);""",
        """var tokenType = "Bearer"; var scheme = "Basic"; var token = "Bearer"; Console.WriteLine(tokenType + scheme + token);""",
        """var uri = new Uri("https://user@example.com/path"); var url = "postgres://db:5432/app"; Console.WriteLine(uri + url);""",
        """var password = "x"; var secret = "abc"; Console.WriteLine(password + secret);""",
        """var akia = "AKIAIOSFODNN7EXAMPLE"; Console.WriteLine(akia);""",
        """var contentType = "application/json"; var secretsPath = "/run/secrets/db-password"; Console.WriteLine(contentType + secretsPath);""",
        """var message = $"Password for {args[0]} was reset"; var password = $"{args[0]}"; Console.WriteLine(message + password);""",
        """var cs = $"Host=db;Username=app;Password={Environment.GetEnvironmentVariable("DB_PASSWORD")}"; Console.WriteLine(cs);""",
        """var resetPasswordUrl = "/account/reset-password"; var forgotPasswordView = "ForgotPassword"; Console.WriteLine(resetPasswordUrl + forgotPasswordView);""",
        """var password = "Password"; var secret = "client_secret"; var apiKey = "ApiKey"; Console.WriteLine(password + secret + apiKey);""",
        // Found dogfooding on this repository: words about secrets in a list named like a secret.
        """string[] neverSecret = { "cancellationtoken", "tokenizer", "secretary", "forgotpassword" }; Console.WriteLine(neverSecret.Length);""",
        // Found on Newtonsoft.Json: a message is not a key, so the next argument is not its value.
        """object value = 1; if (value is not string) { throw new ArgumentException("Value is not a JToken.", "value"); }""",
        """throw new InvalidOperationException("The token has expired", new Exception("SessionRenewal"));""",
    };

    [Theory]
    [MemberData(nameof(NotFlagged))]
    public async Task Does_not_flag_names_labels_placeholders_and_values_read_at_run_time(string source)
        => await RuleTest.VerifyAsync(Id, ProjectKind.Library, source);

    [Fact]
    public async Task Message_names_the_kind_and_the_target_and_never_the_value()
    {
        await RuleTest.VerifyAsync(Id, ProjectKind.Library, $$"""var dbPassword = [|"{{Password}}"|]; Console.WriteLine(dbPassword);""");
        var message = await MessageAsync($$"""var dbPassword = "{{Password}}"; Console.WriteLine(dbPassword);""");
        Assert.StartsWith("Hardcoded password in 'dbPassword': read it from configuration instead", message);
        Assert.Contains("user-secrets", message);
        Assert.DoesNotContain(Password, message);
    }

    [Fact]
    public async Task Message_names_a_token_format()
    {
        await RuleTest.VerifyAsync(Id, ProjectKind.Library, $$"""Console.WriteLine([|"{{AwsAccessKey}}"|]);""");
        var message = await MessageAsync($$"""Console.WriteLine("{{AwsAccessKey}}");""");
        Assert.StartsWith("Hardcoded AWS access key:", message);
        Assert.DoesNotContain(AwsAccessKey, message);
    }

    [Fact]
    public async Task Test_projects_get_fakes_at_hidden_severity_and_live_token_formats_as_warnings()
    {
        var source = $$"""
            public class LoginTests
            {
                [Xunit.Fact]
                public void Logs_in()
                {
                    var password = "{{Password}}";
                    var jwt = "{{Jwt}}";
                    var aws = "{{AwsAccessKey}}";
                    System.Console.WriteLine(password + jwt + aws);
                }
            }
            """;
        var test = new RuleTest(ProjectKind.TestProject) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(new[]
        {
            new DiagnosticResult("PRD009", DiagnosticSeverity.Hidden).WithSpan(6, 24, 6, 24 + Password.Length + 2),
            new DiagnosticResult("PRD009", DiagnosticSeverity.Hidden).WithSpan(7, 19, 7, 19 + Jwt.Length + 2),
            new DiagnosticResult("PRD001", DiagnosticSeverity.Warning).WithSpan(8, 19, 8, 19 + AwsAccessKey.Length + 2),
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task Generated_code_is_skipped()
        => await RuleTest.VerifyNoneAsync(ProjectKind.Library, $$"""
            // <auto-generated/>
            class Generated { const string Password = "{{Password}}"; }
            """);

    private static async Task<string> MessageAsync(string source)
    {
        var diagnostics = await AnalyzerRun.AnalyzeAsync(AnalyzerRun.Compile(ProjectKind.Library, source));
        return Assert.Single(diagnostics, d => d.Id == Id).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }
}
