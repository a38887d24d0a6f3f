using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD005: a health check of an external dependency (database, cache, broker, HTTP) registered on an
/// <c>IHealthChecksBuilder</c> with the <c>live</c> tag. The dependency is recognized from the registration
/// method (<c>AddNpgSql</c>, <c>AddRedis</c>, <c>AddUrlGroup</c>, …), from the check type of
/// <c>AddCheck&lt;T&gt;</c> (its constructor takes or its fields hold a dependency client, or its code, when it is
/// declared in the compilation, creates or calls one: <c>new NpgsqlConnection(…)</c> inside <c>CheckHealthAsync</c>),
/// or from what a delegate check uses. What a check's code uses is only known once every method is analyzed, so
/// registrations that depend on it are reported at the end of the compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LivenessDependencyAnalyzer : ProductionReadyAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LivenessDependsOnExternalDependency);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var builder = ReferencedAssemblies.GetType(start.Compilation, "Microsoft.Extensions.Diagnostics.HealthChecks", "Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder");
            if (builder is null)
            {
                return;
            }

            var healthCheck = start.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck");
            var state = new State();
            start.RegisterOperationAction(
                c =>
                {
                    AnalyzeInvocation(c, builder, state);
                    RecordUse(c, healthCheck, state);
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(c => RecordUse(c, healthCheck, state), OperationKind.ObjectCreation, OperationKind.PropertyReference);
            start.RegisterCompilationEndAction(c => ReportPending(c, state));
        });
    }

    // What the code of a health check declared in this compilation creates or calls: NpgsqlConnection → database.
    private static void RecordUse(OperationAnalysisContext context, INamedTypeSymbol? healthCheck, State state)
    {
        if (healthCheck is null || context.ContainingSymbol?.ContainingType is not { } type || !Symbols.Implements(type, healthCheck))
        {
            return;
        }

        var used = context.Operation switch
        {
            IObjectCreationOperation creation => creation.Type,
            IInvocationOperation call => call.TargetMethod.ContainingType,
            IPropertyReferenceOperation property => property.Property.ContainingType,
            _ => null,
        };
        if (DependencyTypes.KindOf(used) is { } kind)
        {
            state.CheckTypeUses.TryAdd(type.OriginalDefinition, kind);
        }
    }

    private static void ReportPending(CompilationAnalysisContext context, State state)
    {
        foreach (var (location, check) in state.Pending)
        {
            if (state.CheckTypeUses.TryGetValue(check, out var kind))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LivenessDependsOnExternalDependency, location, kind));
            }
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol builder, State state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!method.Name.StartsWith("Add", StringComparison.Ordinal) || !(Symbols.ReceiverType(invocation) is { } receiver && Symbols.Implements(receiver, builder)))
        {
            return;
        }

        IArgumentOperation? tags = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "tags")
            {
                tags = argument;
            }
        }

        if (tags is null || !HasLivenessTag(tags.Value))
        {
            return;
        }

        var kind = DependencyTypes.KindOfRegistration(method.Name) ?? KindOfCheckType(method) ?? KindOfDelegateCheck(invocation);
        if (kind is null)
        {
            // A check declared here may still open a connection in its own code: decided at compilation end.
            if (method.TypeArguments.Length == 1 && method.TypeArguments[0] is INamedTypeSymbol check && check.Locations.Any(l => l.IsInSource))
            {
                state.Pending.Add((Symbols.NameLocation(invocation), check.OriginalDefinition));
            }

            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.LivenessDependsOnExternalDependency, Symbols.NameLocation(invocation), kind));
    }

    private static bool HasLivenessTag(IOperation tags)
    {
        // Literals and constants alike: tags: new[] { "live" }, ["live"], new[] { Tags.Live }.
        foreach (var operation in tags.DescendantsAndSelf())
        {
            if (operation.ConstantValue is { HasValue: true, Value: string tag }
                && (string.Equals(tag, "live", StringComparison.OrdinalIgnoreCase) || string.Equals(tag, "liveness", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class State
    {
        public ConcurrentDictionary<INamedTypeSymbol, string> CheckTypeUses { get; } = new ConcurrentDictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);

        public ConcurrentBag<(Location Location, INamedTypeSymbol Check)> Pending { get; } = new ConcurrentBag<(Location, INamedTypeSymbol)>();
    }

    // AddCheck<DatabaseHealthCheck>(…): the check's constructor parameters and fields say what it talks to.
    private static string? KindOfCheckType(IMethodSymbol method)
    {
        if (method.TypeArguments.Length != 1 || method.TypeArguments[0] is not INamedTypeSymbol check)
        {
            return null;
        }

        foreach (var member in check.GetMembers())
        {
            var kind = member switch
            {
                IFieldSymbol field => DependencyTypes.KindOf(field.Type),
                IPropertySymbol property => DependencyTypes.KindOf(property.Type),
                IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => KindOfParameters(constructor),
                _ => null,
            };
            if (kind is not null)
            {
                return kind;
            }
        }

        return null;
    }

    private static string? KindOfParameters(IMethodSymbol constructor)
    {
        foreach (var parameter in constructor.Parameters)
        {
            if (DependencyTypes.KindOf(parameter.Type) is { } kind)
            {
                return kind;
            }
        }

        return null;
    }

    // AddCheck("db", () => …): what the delegate creates or calls.
    private static string? KindOfDelegateCheck(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value is not IDelegateCreationOperation)
            {
                continue;
            }

            foreach (var operation in argument.Value.Descendants())
            {
                var type = operation switch
                {
                    IObjectCreationOperation creation => creation.Type,
                    IInvocationOperation call => call.TargetMethod.ContainingType,
                    IPropertyReferenceOperation property => property.Property.ContainingType,
                    _ => null,
                };
                if (DependencyTypes.KindOf(type) is { } kind)
                {
                    return kind;
                }
            }
        }

        return null;
    }
}
