using ProductionReady.Analyzers.Tests.Infrastructure;
using static ProductionReady.Analyzers.Tests.Infrastructure.FakeCredentials;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// Issue 21, PRD001: the argument after a key literal ("password", "signingKeys", "Jwt:Key") is that key's value only in
/// a key/value call: a known sink (<c>Add</c>, <c>TryAdd</c>, <c>Set…</c>, <c>SetEnvironmentVariable</c>, a
/// <c>KeyValuePair</c>) or, for any other call, one whose parameter there takes a value. A call that only starts with a
/// field's name (elsa-core's <c>new ValidationError("signingKeys", "required", "…")</c>) gives it a code, a reason or a
/// message.
/// </summary>
public sealed class KeyValueArgumentTests
{
    private const string Id = "PRD001";

    private const string Stubs = """
        public sealed record ValidationError(string Field, string Code, string Message);
        public sealed class Form
        {
            public void AddModelError(string key, string errorMessage) { }
            public void Reject(string field, string reason) { }
            public void Describe(string key, string description) { }
        }
        public sealed class Store
        {
            public void Save(string key, string value) { }
            public void Keep(string name, string secret) { }
        }
        """;

    public static TheoryData<string> NotTheKeysValue => new()
    {
        // elsa-core: a validation error's field name, then its code and message (target-typed, then by name).
        """class V { void Validate(List<ValidationError> errors) => errors.Add(new("signingKeys", "required", "Manual trust requires signing keys or a JWKS URI.")); }""",
        """class V { void Validate(List<ValidationError> errors) => errors.Add(new ValidationError("password", "reused", "The password was used before.")); }""",
        // A model error's message, a rejection's reason, a field's description (an OAuth client type) after the field's name.
        """class V { void Check(Form form) => form.AddModelError("Password", "TooShort"); }""",
        """class V { void Check(Form form) => form.Reject("apiKey", "Revoked2024"); }""",
        """class V { void Check(Form form) => form.Describe("ClientSecret", "confidential"); }""",
    };

    [Theory]
    [MemberData(nameof(NotTheKeysValue))]
    public async Task A_code_reason_or_message_after_a_field_name_is_not_the_field_s_value(string source)
        => await RuleTest.VerifyAsync(Id, ProjectKind.Library, source, Stubs);

    public static TheoryData<string> TheKeysValue => new()
    {
        // The known sinks, by name alone: an environment variable with its target, a session value, TryAdd.
        $$"""Environment.SetEnvironmentVariable("DB_PASSWORD", [|"{{Password}}"|], EnvironmentVariableTarget.Process);""",
        $$"""class S { void Set(Microsoft.AspNetCore.Http.ISession session) => session.SetString("ApiKey", [|"{{Password}}"|]); }""",
        $$"""var settings = new Dictionary<string, string?>(); settings.TryAdd("Jwt:Key", [|"{{SigningKey}}"|]); Console.WriteLine(settings.Count);""",
        // Any other call, where the value's parameter takes a value or names a credential.
        $$"""class S { void Save(Store store) { store.Save("Smtp:Password", [|"{{Password}}"|]); store.Keep("ClientSecret", [|"{{OtherPassword}}"|]); } }""",
        // A target-typed KeyValuePair in an in-memory configuration: the semantic model names its parameter value.
        $$"""var pairs = new List<KeyValuePair<string, string?>> { new("Jwt:Key", [|"{{SigningKey}}"|]) }; Console.WriteLine(pairs.Count);""",
        // A call the compilation cannot bind (a dynamic receiver) keeps the key's reading.
        $$"""class S { void Configure(dynamic options) => options.Remember("Password", [|"{{Password}}"|]); }""",
    };

    [Theory]
    [MemberData(nameof(TheKeysValue))]
    public async Task A_value_after_a_credential_key_in_a_key_value_call_is_found(string markup)
        => await RuleTest.VerifyAsync(Id, ProjectKind.Library, markup, Stubs);
}
