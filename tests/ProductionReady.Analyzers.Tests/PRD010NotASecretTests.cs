using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// PRD010's false positives on the seven earlier code bases (issue 21): a constant that names a configuration key
/// (Jellyfin's <c>HostWebClientKey</c>), a value the code has already cut down for the log (bitwarden/server's
/// <c>truncatedSecret = secret[..10]</c>) and a connection string built in the same member by a builder never given a
/// password (Jellyfin's SQLite one).
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

    // Jellyfin's SqliteDatabaseProvider, as it is (Microsoft.Data.Sqlite is not referenced here: its builder's shape).
    private const string SqliteStubs = """
        namespace Microsoft.Data.Sqlite
        {
            public enum SqliteCacheMode { Default, Private, Shared }
            public class SqliteConnectionStringBuilder : System.Data.Common.DbConnectionStringBuilder
            {
                public SqliteConnectionStringBuilder() { }
                public SqliteConnectionStringBuilder(string connectionString) { ConnectionString = connectionString; }
                public string DataSource { get; set; } = "";
                public SqliteCacheMode Cache { get; set; }
                public bool Pooling { get; set; }
                public int DefaultTimeout { get; set; }
                public string Password { get; set; } = "";
            }
        }
        """;

    [Fact]
    public async Task A_connection_string_built_without_a_password_is_not_flagged_one_given_a_password_is()
        => await RuleTest.VerifyAsync("PRD010", ProjectKind.Library, """
            using Microsoft.Data.Sqlite;
            using Microsoft.Extensions.Logging;
            using Npgsql;

            public sealed class Provider(ILogger<Provider> logger)
            {
                public void Quiet(string path, int timeout)
                {
                    var sqliteConnectionBuilder = new SqliteConnectionStringBuilder
                    {
                        DataSource = path,
                        Cache = SqliteCacheMode.Private,
                        Pooling = true,
                        DefaultTimeout = timeout,
                    };

                    var connectionString = sqliteConnectionBuilder.ToString();
                    logger.LogInformation("SQLite connection string: {ConnectionString}", connectionString);

                    var npgsql = new NpgsqlConnectionStringBuilder { Host = "db", Database = "app" };
                    npgsql.Username = "app";
                    string hostConnectionString;
                    hostConnectionString = npgsql.ConnectionString;
                    logger.LogInformation("Host {ConnectionString}, {Other}", hostConnectionString, npgsql.ConnectionString);
                }

                public void Flagged(string path, string password, string configured)
                {
                    var encrypted = new SqliteConnectionStringBuilder { DataSource = path, Password = password };
                    var encryptedConnectionString = encrypted.ToString();
                    logger.LogInformation("SQLite connection string: {ConnectionString}", [|encryptedConnectionString|]);

                    var npgsql = new NpgsqlConnectionStringBuilder { Host = "db" };
                    npgsql.Password = password;
                    logger.LogInformation("Npgsql: {ConnectionString}", [|npgsql.ConnectionString|]);

                    var fromConfiguration = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" };
                    var masterConnectionString = fromConfiguration.ToString();
                    logger.LogInformation("Master: {ConnectionString}", [|masterConnectionString|]);

                    var indexed = new SqliteConnectionStringBuilder { DataSource = path };
                    indexed["Pwd"] = password;
                    var indexedConnectionString = indexed.ToString();
                    logger.LogInformation("Indexed: {ConnectionString}", [|indexedConnectionString|]);

                    var plain = new SqliteConnectionStringBuilder { DataSource = path };
                    var appendedConnectionString = plain.ToString();
                    appendedConnectionString += ";Password=" + password;
                    logger.LogInformation("Appended: {ConnectionString}", [|appendedConnectionString|]);
                }
            }
            """, SqliteStubs);
}
