using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD006: a health check that creates its own client on every run: <c>new HttpClient()</c>, a new
/// <c>DbConnection</c> (<c>NpgsqlConnection</c>, <c>SqlConnection</c>, …), a new data source,
/// <c>ConnectionMultiplexer.Connect</c>, <c>new MongoClient</c>, inside <c>IHealthCheck.CheckHealthAsync</c>
/// or inside a delegate check passed to <c>AddCheck</c>/<c>AddAsyncCheck</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HealthCheckClientPerRunAnalyzer : ProductionReadyAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HealthCheckCreatesClientPerRun);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var healthCheck = ReferencedAssemblies.GetType(compilation, "Microsoft.Extensions.Diagnostics.HealthChecks.Abstractions", "Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck");
            if (healthCheck is null)
            {
                return;
            }

            var clients = new ClientTypes(
                compilation.GetTypeByMetadataName("System.Net.Http.HttpClient"),
                compilation.GetTypeByMetadataName("System.Data.Common.DbConnection"),
                compilation.GetTypeByMetadataName("System.Data.Common.DbDataSource"),
                compilation.GetTypeByMetadataName("StackExchange.Redis.ConnectionMultiplexer"),
                compilation.GetTypeByMetadataName("MongoDB.Driver.MongoClient"));
            start.RegisterOperationAction(c => AnalyzeCreation(c, healthCheck, clients), OperationKind.ObjectCreation);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, healthCheck, clients), OperationKind.Invocation);
        });
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, INamedTypeSymbol healthCheck, ClientTypes clients)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var advice = clients.AdviceFor(creation.Type);
        if (advice is not null && IsInHealthCheckRun(context, creation, healthCheck))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HealthCheckCreatesClientPerRun, creation.Syntax.GetLocation(), creation.Type!.Name, advice));
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol healthCheck, ClientTypes clients)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!method.IsStatic || (method.Name != "Connect" && method.Name != "ConnectAsync" && method.Name != "Create"))
        {
            return;
        }

        // ConnectionMultiplexer.Connect(…), NpgsqlDataSource.Create(…).
        var returned = method.ReturnType is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask" } task ? task.TypeArguments[0] : method.ReturnType;
        var advice = clients.AdviceFor(returned) ?? clients.AdviceFor(method.ContainingType);
        if (advice is not null && IsInHealthCheckRun(context, invocation, healthCheck))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.HealthCheckCreatesClientPerRun, invocation.Syntax.GetLocation(), method.ContainingType.Name, advice));
        }
    }

    private static bool IsInHealthCheckRun(OperationAnalysisContext context, IOperation operation, INamedTypeSymbol healthCheck)
    {
        // Inside a delegate check: services.AddHealthChecks().AddCheck("x", () => …).
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation && parent.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation registration } }
                && (registration.TargetMethod.Name == "AddCheck" || registration.TargetMethod.Name == "AddAsyncCheck"))
            {
                return true;
            }
        }

        // Inside IHealthCheck.CheckHealthAsync (or a method it shares its type with, named like it).
        return context.ContainingSymbol is IMethodSymbol { Name: "CheckHealthAsync" } method
            && method.ContainingType is { } type
            && Symbols.Implements(type, healthCheck);
    }

    private sealed class ClientTypes
    {
        private readonly INamedTypeSymbol? _httpClient;
        private readonly INamedTypeSymbol? _dbConnection;
        private readonly INamedTypeSymbol? _dbDataSource;
        private readonly INamedTypeSymbol? _connectionMultiplexer;
        private readonly INamedTypeSymbol? _mongoClient;

        public ClientTypes(INamedTypeSymbol? httpClient, INamedTypeSymbol? dbConnection, INamedTypeSymbol? dbDataSource, INamedTypeSymbol? connectionMultiplexer, INamedTypeSymbol? mongoClient)
        {
            _httpClient = httpClient;
            _dbConnection = dbConnection;
            _dbDataSource = dbDataSource;
            _connectionMultiplexer = connectionMultiplexer;
            _mongoClient = mongoClient;
        }

        /// <summary>What to use instead of creating <paramref name="type"/> per run; null when it is not a client.</summary>
        public string? AdviceFor(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Is(current, _httpClient))
                {
                    return "IHttpClientFactory or a typed client";
                }

                if (Is(current, _dbConnection) || Is(current, _dbDataSource))
                {
                    return "a DbDataSource such as NpgsqlDataSource registered once, e.g. AddNpgsqlDataSource";
                }

                if (Is(current, _connectionMultiplexer))
                {
                    return "a singleton IConnectionMultiplexer";
                }

                if (Is(current, _mongoClient))
                {
                    return "a singleton IMongoClient";
                }
            }

            return null;
        }

        private static bool Is(ITypeSymbol type, INamedTypeSymbol? target)
            => target is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target);
    }
}
