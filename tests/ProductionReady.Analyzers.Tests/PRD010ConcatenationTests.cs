using Microsoft.CodeAnalysis.Testing;
using ProductionReady.Analyzers.Tests.Infrastructure;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// PRD010 on secrets that reach the log inside the message text: concatenated, interpolated, formatted with
/// string.Format/Concat/Join, through Microsoft.Extensions.Logging and Serilog; names about a secret stay out, and
/// the message names the kind with its article.
/// </summary>
public sealed class PRD010ConcatenationTests
{
    // Serilog's static Log and ILogger, as their signatures are (a stand-in assembly named Serilog).
    private const string Serilog = """
        namespace Serilog
        {
            public interface ILogger
            {
                void Information(string messageTemplate);
                void Warning(string messageTemplate, params object?[]? propertyValues);
            }

            public static class Log
            {
                public static void Information(string messageTemplate) { }
                public static void Information<T>(string messageTemplate, T propertyValue) { }
                public static void Error(System.Exception? exception, string messageTemplate, params object?[]? propertyValues) { }
            }
        }
        """;

    [Fact]
    public async Task Secrets_concatenated_interpolated_or_formatted_into_the_message_are_flagged()
        => await RuleTest.VerifyAsync("PRD010", ProjectKind.Library, """
            using Microsoft.Extensions.Logging;

            public sealed class Startup(ILogger<Startup> logger, ApiOptions options)
            {
                private readonly ILogger _logger = logger;
                private readonly DbSettings _settings = new();

                public void Log(string connectionString, string password)
                {
                    logger.LogInformation("conn " + [|connectionString|]);
                    logger.LogInformation($"key {[|options.ApiKey|]}");
                    _logger.LogWarning("x" + [|_settings.Password|]);
                    _logger.LogWarning("a" + ("b" + [|password|]) + "c");
                    logger.LogError(string.Format("Calling with key {0}", [|options.ApiKey|]));
                    logger.LogError(string.Format("{0}:{1}@{2}", "user", [|password|], "db"));
                    logger.LogDebug(String.Concat("conn ", [|connectionString|]));
                    logger.LogDebug(string.Join(";", "Host=db", [|_settings.ConnectionString|]));
                    logger.LogDebug("secret " + [|options.ClientSecret|].ToString());
                    logger.LogDebug("token " + ([|options.AccessToken|] ?? "none"));
                    logger.LogInformation("Using {Conn}", "conn=" + [|connectionString|]);
                }
            }

            public sealed class ApiOptions
            {
                public string ApiKey { get; set; } = "";
                public string ClientSecret { get; set; } = "";
                public string? AccessToken { get; set; }
            }

            public sealed class DbSettings
            {
                public string Password { get; set; } = "";
                public string ConnectionString { get; set; } = "";
            }
            """);

    [Fact]
    public async Task Names_about_a_secret_are_not_flagged_in_any_form()
        => await RuleTest.VerifyAsync("PRD010", ProjectKind.Library, """
            using Microsoft.Extensions.Logging;

            public sealed class Report(ILogger<Report> logger, ApiOptions options)
            {
                public void Log(string password, string connectionStringName)
                {
                    logger.LogInformation("length " + options.PasswordLength);
                    logger.LogInformation("tokens " + options.TokenCount + " of " + options.TokenCount * 2);
                    logger.LogInformation($"has key {options.HasApiKey}, header {options.ApiKeyHeaderName}");
                    logger.LogInformation("header " + options.ApiKeyHeaderName);
                    logger.LogInformation(string.Format("{0} chars", password.Length));
                    logger.LogInformation(string.Concat("set: ", (password.Length > 0).ToString()));
                    logger.LogInformation("connection string " + connectionStringName);
                    logger.LogInformation("endpoint " + options.TokenEndpoint);
                }
            }

            public sealed class ApiOptions
            {
                public int PasswordLength { get; set; }
                public int TokenCount { get; set; }
                public bool HasApiKey { get; set; }
                public string ApiKeyHeaderName { get; set; } = "X-Api-Key";
                public string TokenEndpoint { get; set; } = "";
            }
            """);

    [Fact]
    public async Task Serilog_calls_are_flagged_the_same_way()
    {
        var test = new RuleTest(ProjectKind.Library, "PRD010")
        {
            TestCode = """
                using Serilog;

                public sealed class Jobs(Serilog.ILogger logger, Settings settings)
                {
                    public void Run(string apiKey, System.Exception error)
                    {
                        Log.Information("conn " + [|settings.ConnectionString|]);
                        Log.Information($"key {[|apiKey|]}");
                        Log.Information("Key {Key}", "k=" + [|apiKey|]);
                        Log.Error(error, string.Format("secret {0}", [|settings.ClientSecret|]));
                        logger.Information("x" + [|settings.Password|]);
                        logger.Warning("Password length {Length}", settings.Password.Length);
                        Log.Information("has key " + settings.HasApiKey);
                    }
                }

                public sealed class Settings
                {
                    public string ConnectionString { get; set; } = "";
                    public string ClientSecret { get; set; } = "";
                    public string Password { get; set; } = "";
                    public bool HasApiKey { get; set; }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(TestReferences.Assembly("Serilog", Serilog));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_message_names_the_kind_with_its_article()
    {
        var test = new RuleTest(ProjectKind.Library, "PRD010")
        {
            TestCode = """
                using Microsoft.Extensions.Logging;

                public static class Messages
                {
                    public static void Log(ILogger logger, string apiKey, string password, string connectionString, string accessKey)
                    {
                        logger.LogInformation("a " + {|#0:apiKey|});
                        logger.LogInformation("b " + {|#1:password|});
                        logger.LogInformation("c " + {|#2:connectionString|});
                        logger.LogInformation("d " + {|#3:accessKey|});
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRD010", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("'apiKey' looks like an API key and is written to the log: log whether it is set, never its value"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRD010", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1)
            .WithMessage("'password' looks like a password and is written to the log: log whether it is set, never its value"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRD010", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(2)
            .WithMessage("'connectionString' looks like a connection string and is written to the log: log whether it is set, never its value"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRD010", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(3)
            .WithMessage("'accessKey' looks like an access key and is written to the log: log whether it is set, never its value"));
        await test.RunAsync();
    }
}
