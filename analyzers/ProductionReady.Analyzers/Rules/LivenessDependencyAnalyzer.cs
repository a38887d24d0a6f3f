using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD005: a health check of an external dependency (database, cache, broker, HTTP) registered on an
/// <c>IHealthChecksBuilder</c> with the <c>live</c> tag. The dependency is recognized from the registration
/// method (<c>AddNpgSql</c>, <c>AddRedis</c>, <c>AddUrlGroup</c>, …), from the check type of
/// <c>AddCheck&lt;T&gt;</c> (its constructor takes or its fields hold a dependency client), or from what a
/// delegate check uses.
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

            start.RegisterOperationAction(c => AnalyzeInvocation(c, builder), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol builder)
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
