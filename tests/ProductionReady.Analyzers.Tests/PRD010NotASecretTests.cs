using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// PRD010's false positives on the seven earlier code bases (issue 21): a constant that names a configuration key
/// (Jellyfin's <c>HostWebClientKey</c>) and a value the code has already cut down for the log (bitwarden/server's
/// <c>truncatedSecret = secret[..10]</c>).
/// </summary>
public sealed class PRD010NotASecretTests
{
    [Fact]
    public async Task A_constant_and_a_value_cut_down_for_the_log_are_not_flagged_the_secret_itself_is()
        => await RuleTest.VerifyAsync("PRD010", ProjectKind.Library, """
            using Microsoft.Extensions.Logging;

            public sealed class Startup(ILogger<Startup> logger)
            {
                // The name of a configuration key, not its value; a credential in a constant is PRD001's, where it is written.
                private const string HostWebClientKey = "hostwebclient";

                public void Log(string secret, string password, string apiKey)
                {
                    logger.LogInformation("Reading {Key}", HostWebClientKey);

                    var truncatedSecret = secret[..4];
                    var maskedPassword = new string('*', password.Length);
                    var redactedApiKey = apiKey[..2] + "…";
                    logger.LogInformation("Secret {Secret}, password {Password}, key {Key}", truncatedSecret, maskedPassword, redactedApiKey);
                    logger.LogInformation($"Key starts {redactedApiKey}");

                    logger.LogInformation("Secret {Secret}", [|secret|]);
                    logger.LogInformation("Key {Key}", [|apiKey|]);
                }
            }
            """);
}
