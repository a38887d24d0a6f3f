using ProductionReady.Analyzers.Tests.Infrastructure;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeTokens;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// PRD001, a credential hardcoded in code: every literal form and credential position, the weak and default
/// credentials, the new literal forms and token formats, and the false-positive classes found on real code.
/// </summary>
public sealed class PRD001Tests
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

    // Types of libraries the test compilation does not reference, reduced to what the code under test calls.
    private const string Stubs = """
        namespace Duende.IdentityServer.Models
        {
            public sealed class Secret(string value) { public string Value { get; } = value; }
            public static class HashExtensions { public static string Sha256(this string input) => input; }
        }
        namespace Microsoft.IdentityModel.Tokens { public sealed class SymmetricSecurityKey(byte[] key) { public int Size { get; } = key.Length; } }
        namespace Amazon.Runtime { public sealed class BasicAWSCredentials(string accessKey, string secretKey) { public string Key { get; } = accessKey + secretKey; } }
        namespace OpenIdConnect { public sealed class OidcOptions { public string? ClientId { get; set; } public string? ClientSecret { get; set; } } }
        public sealed record SourceRule(string kind, string token);
        """;

    public static TheoryData<string> WeakAndDefault => new()
    {
        """var c = new System.Net.NetworkCredential("admin", [|"admin"|]); Console.WriteLine(c);""",
        """Console.WriteLine([|"Server=reports-sql;Database=reports;User Id=sa;Password=sa"|]);""",
        """Console.WriteLine([|"Host=analytics-db;Database=analytics;Username=postgres;Password=postgres"|]);""",
        """Console.WriteLine([|"amqp://guest:guest@rabbitmq.internal:5672/"|]);""",
        """class Defaults { public const string InitialAdminPassword = [|"changeme"|]; }""",
        """class Defaults { public const string DefaultClientSecret = [|"secret"|]; }""",
        """var o = new OpenIdConnect.OidcOptions { ClientId = "web" }; o.ClientSecret = [|"secret"|];""",
        """var o = new OpenIdConnect.OidcOptions { ClientId = "web", ClientSecret = [|"client-secret"|] };""",
        """using Duende.IdentityServer.Models; var s = new Secret([|"secret"|].Sha256()); Console.WriteLine(s.Value);""",
        // Found dogfooding: eShopOnWeb's seeded DEFAULT_PASSWORD, Squidex's internal client secret, a numeric API key (Jellyfin).
        """class AuthorizationConstants { public const string DEFAULT_PASSWORD = [|"Pass@word1"|]; }""",
        """static class Hashing { public static string ToSha256Base64(this string value) => value; } class Constants { public static readonly string ClientInternalSecret = [|"squidex-internal"|].ToSha256Base64(); }""",
        """class AudioDbProvider { private const string ApiKey = [|"195003"|]; public override string ToString() => ApiKey; }""",
        // Found on Radarr (its one miss): aria2's RPC secret default, weak words owned with "my" in identifier casing.
        """class Aria2Settings { public Aria2Settings() { SecretToken = [|"MySecretToken"|]; } public string SecretToken { get; set; } }""",
        """class Settings { public string ApiToken { get; set; } = [|"my-secret-token"|]; public string Password { get; set; } = [|"MyPassword1"|]; }""",
        // Missed by the blind measurement of held-out corpus 3: user = password, a four-digit factory default, "my" + any
        // words + a credential word, a deconstructed tuple, a user:password pair bound for a Basic header, a shared secret
        // compared with a secret-named variable or a request header.
        """var c = new System.Net.NetworkCredential("alerts", [|"alerts"|]); Console.WriteLine(c);""",
        """class PrinterSettings { [System.ComponentModel.DefaultValue([|"1234"|])] public string Password { get; set; } = [|"1234"|]; }""",
        """class Aria2Settings { public string RpcSecret { get; set; } = [|"MyRpcSecret"|]; }""",
        // Found dogfooding grandnode2: a sentence shipped as the API's JWT secret key works as a key.
        """class ApiConfig { public string SecretKey { get; set; } = [|"your private secret key to use api"|]; }""",
        // Base64 key material ends in '=' padding, unlike an option or query key ("pass:", "OrganizationId=").
        """class Signer { static System.Security.Cryptography.HMACSHA256 Create() => new(Convert.FromBase64String([|"q83vEjRWeJq8OBr7c3RlcGhhbmllR3JhbmRlcj4xMjM="|])); }""",
        """var (demoUser, demoPassword) = ("demo@contoso.example", [|"Demo#Shopper1"|]); Console.WriteLine(demoUser + demoPassword);""",
        """
        class Erp(System.Net.Http.HttpClient http)
        {
            public void UseSyncAccount()
            {
                var raw = System.Text.Encoding.ASCII.GetBytes([|"erp-sync:Erp$ync2022"|]);
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
            }
        }
        """,
        """class Gate { static bool Allowed(string apiKey) => apiKey == [|"int-ops-5Gh8!key"|]; }""",
        """
        class Gate
        {
            static bool Allowed(Microsoft.AspNetCore.Http.HttpContext context)
                => context.Request.Headers.TryGetValue("X-Internal-Key", out var provided) && provided == [|"int-ops-5Gh8!key"|];
            static bool AllowedByIndex(Microsoft.AspNetCore.Http.HttpContext context) => context.Request.Headers["X-Internal-Key"] != [|"int-ops-5Gh8!key"|];
        }
        """,
        """
        class Seeder(Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser> users)
        {
            public Task SeedAsync(Microsoft.AspNetCore.Identity.IdentityUser admin) => users.CreateAsync(admin, [|"Adm1n!2024"|]);
        }
        """,
    };

    [Theory]
    [MemberData(nameof(WeakAndDefault))]
    public async Task Weak_and_default_credentials_in_code_are_hardcoded_credentials(string markup)
        => await RuleTest.VerifyAsync(Id, ProjectKind.Library, markup, Stubs);

    public static TheoryData<string> NewForms => new()
    {
        $$$"""var header = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", [|"{{{BasicAuthValue}}}"|]); Console.WriteLine(header);""",
        $$$"""var http = new HttpClient(); http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", [|"Basic {{{BasicAuthValue}}}"|]);""",
        $$$"""var key = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey([|"{{{Password}}}-signing-2024!x9"u8|].ToArray()); Console.WriteLine(key.Size);""",
        $$$"""class Keys { public static Microsoft.IdentityModel.Tokens.SymmetricSecurityKey Hmac() => new([|"{{{Password}}}-signing-2024!x9"u8|].ToArray()); }""",
        $$$"""class Smtp { [System.ComponentModel.DefaultValue([|"{{{Password}}}"|])] public string Password { get; set; } = ""; }""",
        $$$"""var passwordsByHost = new Dictionary<string, string>(); passwordsByHost["db1"] = [|"{{{Password}}}"|]; Console.WriteLine(passwordsByHost.Count);""",
        $$$""""
        var body = [|"""
            {
              "username": "deploy-bot",
              "password": "{{{OtherPassword}}}"
            }
            """|];
        Console.WriteLine(body);
        """",
        $$$""""var user = args[0]; var body = [|$$"""{"user": "{{user}}", "password": "{{{Password}}}"}"""|]; Console.WriteLine(body);"""",
        $$$"""var secure = new System.Security.SecureString(); foreach (var c in [|"{{{Password}}}"|]) { secure.AppendChar(c); }""",
        $$$"""using var aes = System.Security.Cryptography.Aes.Create(); aes.Key = Convert.FromHexString([|"{{{AesKeyHex}}}"|]);""",
        $$$"""var credentials = new Amazon.Runtime.BasicAWSCredentials([|"{{{AwsAccessKey}}}"|], [|"{{{AwsSecretAccessKey}}}"|]); Console.WriteLine(credentials.Key);""",
        $$$""""var jwk = [|"""{"kty":"RSA","n":"{{{JwkModulus}}}","e":"AQAB","d":"{{{JwkPrivateExponent}}}"}"""|]; Console.WriteLine(jwk);"""",
        $$$"""var entra = [|"{{{EntraClientSecret}}}"|]; Console.WriteLine(entra);""",
        $$$"""var mail = [|"{{{SendGridKey}}}"|]; Console.WriteLine(mail);""",
        $$$"""var hook = new Uri([|"{{{TeamsWebhook}}}"|]); Console.WriteLine(hook);""",
        $$$"""var npmrc = [|"//registry.example.com/:_authToken={{{NpmToken}}}"|]; Console.WriteLine(npmrc);""",
        // Found on Jellyfin: an API key in a URL's query string.
        """const string Url = [|"https://www.omdbapi.example.com?apikey=2c9d9507&plot=full"|]; Console.WriteLine(Url);""",
        $$$"""var storage = [|"DefaultEndpointsProtocol=https;AccountName=archive;AccountKey={{{StorageAccountKey}}};EndpointSuffix=core.windows.net"|]; Console.WriteLine(storage);""",
    };

    [Theory]
    [MemberData(nameof(NewForms))]
    public async Task New_literal_forms_and_token_formats_are_found_where_they_are(string markup)
        => await RuleTest.VerifyAsync(Id, ProjectKind.Library, markup, Stubs);

    public static TheoryData<string> RealCodeClasses => new()
    {
        // Placeholders that cannot work as a password.
        """class Defaults { const string A = "<set-me>"; const string AdminPassword = "${ADMIN_PASSWORD}"; const string ClientSecret = "{{ client_secret }}"; const string Password = "your-password-here"; const string ApiToken = ""; }""",
        // RabbitMQ's guest only works from localhost; LocalStack and the emulators publish their credentials.
        """Console.WriteLine("amqp://guest:guest@localhost:5672/");""",
        """var local = new Amazon.Runtime.BasicAWSCredentials("localstack", "localstack"); Console.WriteLine(local.Key);""",
        $$$"""Console.WriteLine("AccountEndpoint=https://localhost:8081/;AccountKey={{{CosmosEmulatorKey}}}");""",
        $$$"""Console.WriteLine("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={{{AzuriteKey}}};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;");""",
        // Codes, key names, lexer tokens, alphabets, deny lists, wire names.
        """class PostgresErrors { public const string PasswordRejected = "28P01"; public const string InvalidPasswordCode = "28000"; public const string TokenExpiredCode = "E1042"; }""",
        """class Keys { public const string EnableWebClientKey = "enablewebclient"; public const string HostWebClientKey = "hostwebclient"; public const string AccessTokenKey = "access_token"; }""",
        """class Parser { static readonly SourceRule[] Rules = { new(kind: "hdtv", token: "hdtvrip"), new(kind: "web", token: "webdl") }; static bool Match(string token) => token.Length > 0; bool Web() => Match(token: "webrip"); }""",
        """class Generator { public const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%"; }""",
        """class Policy { public static readonly string[] WeakPasswords = { "password", "changeme", "123456", "qwerty" }; }""",
        """class OAuth { public const string ClientSecret = "client_secret"; public const string Password = "password"; }""",
        // Found on bitwarden/server: token purposes, a product named after secrets, a fake key header in a data generator.
        """class OrgDeleteTokenable { public const string TokenIdentifier = "OrgDelete"; } class Plans { public const string SecretsManagerStandalone = "sm-standalone"; }""",
        """var lines = new List<string> { "-----BEGIN FAKE RSA PRIVATE KEY-----" }; Console.WriteLine(lines.Count);""",
        // Found on Radarr: a validation message after a property name is not the property's value.
        // Sentinels compared with secrets or headers, four-letter values that are not weak, a GetBytes pair with no Basic header,
        // a credential API given variables, a tuple of non-secrets.
        """
        class Checks
        {
            static bool A(string scheme, string token, string password, string? apiKey) => scheme == "Bearer" || token == "undefined" || password == "" || apiKey != null || token != "refresh_token";
            static bool B(Microsoft.AspNetCore.Http.HttpContext context) => context.Request.Headers["Accept"] == "application/json" || context.Request.Headers["X-Requested-With"] == "XMLHttpRequest";
            static int C() => System.Text.Encoding.UTF8.GetBytes("tenant:orders-2024").Length;
            static object D(string user, string password) => new System.Net.NetworkCredential(user, password);
        }
        class Short { public string Password { get; set; } = "pwd"; public string Secret { get; set; } = "abc"; public string Token { get; set; } = "123"; public string ApiKey { get; set; } = "12"; }
        // Found dogfooding grandnode2: three-digit dummies filling a required client secret and a sample account.
        class EmailAccount { public string? Username { get; set; } public string? Password { get; set; } } class Install { object Seed() => new EmailAccount { Username = "123", Password = "123" }; }
        class FacebookOptions { public string? AppSecret { get; set; } public string? ClientSecret { get; set; } } class Builder { void Configure(FacebookOptions o, string? configured) { o.AppSecret = configured ?? "000"; o.ClientSecret = configured ?? "000"; } }
        class Settings { public string ClientSecret { get; set; } = "none"; public string Token { get; set; } = "null"; public string Password { get; set; } = "****"; public string ApiKey { get; set; } = "auto"; }
        """,
        """static class Cli { static string[] Args(string password, int org) => new[] { "pass:" + password, string.Concat("OrganizationId=", org.ToString()), $"[dbo].[{org}].[Event_ReadPageByUserId]" }; static string Q(string a, string b) => a + b; static string R() => Q("x", $"[{R()}].[User_ReadById]"); }""",
        """var (user, host) = ("admin", "db.internal"); var (scheme, value) = ("Bearer", args[0]); Console.WriteLine(user + host + scheme + value);""",
        // "My…" names that are not values: an environment variable's name, a constant spelling its own name, a header name.
        """class Names { public const string MySecretToken = "MySecretToken"; public const string SecretTokenVariable = "MY_SECRET_TOKEN"; public const string ApiKeyHeaderName = "MyApiKey"; }""",
        """var token = Environment.GetEnvironmentVariable("MY_SECRET_TOKEN"); var secret = new Dictionary<string, string>()["MySecretKey"]; Console.WriteLine(token + secret);""",
        """var failure = new KeyValuePair<string, string>("ApiKey", "API Key is invalid"); var other = new KeyValuePair<string, string>("ApiKey", "Unable to send test message"); Console.WriteLine(failure.Value + other.Value);""",
        """Console.WriteLine("https://api.example.com/v1?api_key={0}&token=refresh&apikey=YOUR_API_KEY");""",
        // Values read at run time, and schemas about passwords.
        """var header = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", args[0]); Console.WriteLine(header);""",
        """"var user = args[0]; var password = args[1]; var body = $$"""{"user": "{{user}}", "password": "{{password}}"}"""; Console.WriteLine(body);"""",
        """"var schema = """{ "type": "object", "properties": { "password": { "type": "string", "minLength": 12 } } }"""; Console.WriteLine(schema);"""",
        $$$"""var publishable = "pk_live_{{{Password}}}abcdefgh"; Console.WriteLine(publishable);""",
    };

    [Theory]
    [MemberData(nameof(RealCodeClasses))]
    public async Task False_positive_classes_of_real_code_stay_quiet(string source)
        => await RuleTest.VerifyAsync(Id, ProjectKind.Library, source, Stubs);
}
