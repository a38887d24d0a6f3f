using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>PRD010: credentials written to logs.</summary>
public sealed class PRD010Tests
{
    [Fact]
    public async Task Secret_named_values_passed_to_a_log_call_are_flagged()
        => await RuleTest.VerifyAsync("PRD010", ProjectKind.Library, """
            using Microsoft.Extensions.Logging;

            public sealed class Login(ILogger<Login> logger, Settings settings)
            {
                public void SignIn(string user, string password, string apiKey)
                {
                    logger.LogInformation("User {User} signs in with {Password}", user, [|password|]);
                    logger.LogDebug($"Calling the API with key {[|apiKey|]}");
                    logger.LogWarning("Client secret is {Secret}", [|settings.ClientSecret|]);
                    logger.Log(LogLevel.Error, "Token {Token}", [|settings.AccessToken|]);

                    logger.LogInformation("User {User} signs in; password set: {HasPassword}", user, password.Length > 0);
                    logger.LogInformation("Key length {Length}", apiKey.Length);
                    logger.LogInformation("Token endpoint {Endpoint}", settings.TokenEndpoint);
                    logger.LogInformation("Password changed for {User}", user);
                }

                // Found on real code: a flag logged next to two real token values.
                public void Validate(string accessToken, string refreshToken, bool validateToken, int tokenLength, TokenKind tokenKind, DateTimeOffset tokenExpiry, bool? hasSecret, TimeSpan? passwordAge, System.Guid apiKey)
                {
                    logger.LogDebug("Validating {AccessToken} / {RefreshToken}: {Validate}", [|accessToken|], [|refreshToken|], validateToken);
                    logger.LogDebug("Token {Length} {Kind} {Expiry} {HasSecret} {Age}", tokenLength, tokenKind, tokenExpiry, hasSecret, passwordAge);
                    logger.LogDebug($"Token valid: {validateToken}, expires {tokenExpiry}, kind {tokenKind}");
                    logger.LogDebug("Key {Key}", [|apiKey|]); // A GUID can be a key.
                }
            }

            public enum TokenKind { Access, Refresh }

            public sealed class Settings
            {
                public string ClientSecret { get; set; } = "";
                public string AccessToken { get; set; } = "";
                public string TokenEndpoint { get; set; } = "";
            }
            """);
}
