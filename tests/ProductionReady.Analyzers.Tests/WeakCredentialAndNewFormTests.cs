using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ProductionReady.Analyzers.Tests.Infrastructure;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeTokens;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// Issue 13 for PRD001/PRD002, on the verifiers with exact locations: weak and default credentials hardcoded in code and
/// production configuration are findings; the new literal forms; the token formats in code and in other files; and the
/// false-positive classes found on real code stay quiet.
/// </summary>
public sealed class WeakCredentialAndNewFormTests
{
    private const string Id = "PRD001";

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

    [Fact]
    public async Task A_weak_credential_in_a_test_project_stays_hidden()
    {
        var test = new RuleTest(ProjectKind.TestProject) { TestCode = """class Fixture { const string AdminPassword = "changeme"; }""" };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRD009", DiagnosticSeverity.Hidden).WithSpan(1, 46, 1, 56));
        await test.RunAsync();
    }

    [Fact]
    public async Task Weak_values_in_production_configuration_are_flagged_and_development_files_keep_info()
    {
        var json = """
            {
              "ConnectionStrings": { "Reports": "Server=reports-sql;Database=reports;User Id=sa;Password=sa" },
              "Seed": { "AdminPassword": "changeme", "AdminEmail": "admin@example.com" },
              "IdentityServer": { "ClientSecret": "secret" },
              "Smtp": { "Password": "", "ApiKey": "<set in key vault>" },
              "Features": { "EnableWebClientKey": "enablewebclient" },
              "Stripe": { "PublishableKey": "pk_live_51Hq8rT3kWz9mXv2Lp7DaB" }
            }
            """;
        var test = new RuleTest(ProjectKind.Library) { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/app/appsettings.json", json));
        test.TestState.AdditionalFiles.Add(("/app/appsettings.Development.json", "{ \"Seed\": { \"AdminPassword\": \"changeme\" } }"));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            new DiagnosticResult("PRD008", DiagnosticSeverity.Info).WithSpan("/app/appsettings.Development.json", 1, 30, 1, 40),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 2, 94, 2, 96),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 3, 30, 3, 40),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/appsettings.json", 4, 39, 4, 47),
        });
        await test.RunAsync();
    }

    [Fact]
    public async Task Live_tokens_in_other_configuration_files_are_found_at_their_place()
    {
        var npmrc = "registry=https://registry.example.com/\n//registry.example.com/:_authToken=" + NpmToken + "\nalways-auth=true\n";
        var test = new RuleTest(ProjectKind.Library) { TestCode = "class C { }" };
        test.TestState.AdditionalFiles.Add(("/app/.npmrc", npmrc));
        test.TestState.AdditionalFiles.Add(("/app/.env", "GITHUB_TOKEN=" + GitHubToken + "\nDB_HOST=localhost\n"));
        test.ExpectedDiagnostics.AddRange(new[]
        {
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/.env", 1, 14, 1, 14 + GitHubToken.Length),
            new DiagnosticResult("PRD002", DiagnosticSeverity.Warning).WithSpan("/app/.npmrc", 2, 36, 2, 36 + NpmToken.Length),
        });
        await test.RunAsync();
    }
}
