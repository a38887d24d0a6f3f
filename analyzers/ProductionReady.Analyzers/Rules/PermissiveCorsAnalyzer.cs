using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD011: a CORS policy that allows any origin, outside a Development-only branch: <c>AllowAnyOrigin()</c>,
/// <c>WithOrigins("*")</c> (reported at the <c>"*"</c>), <c>SetIsOriginAllowed(_ =&gt; true)</c> or any predicate
/// that returns true whatever the origin (a lambda, an anonymous method, or a method of this compilation whose body
/// is a constant <c>true</c>). Test projects are not flagged.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PermissiveCorsAnalyzer : ProductionReadyAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PermissiveCors);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var policyBuilder = ReferencedAssemblies.GetType(start.Compilation, "Microsoft.AspNetCore.Cors", "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder");
            if (policyBuilder is null || TestProjects.IsTestProject(start.Compilation, start.Options))
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, policyBuilder), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol policyBuilder)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, policyBuilder))
        {
            return;
        }

        Location? location = method.Name switch
        {
            "AllowAnyOrigin" => Symbols.NameLocation(invocation),
            "WithOrigins" => WildcardOrigin(invocation),
            "SetIsOriginAllowed" when invocation.Arguments.Length == 1 && AlwaysTrue(invocation.Arguments[0].Value, context.CancellationToken) => Symbols.NameLocation(invocation),
            _ => null,
        };
        if (location is not null && !DevelopmentOnlyCode.Contains(invocation.Syntax, throughLambdas: true))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PermissiveCors, location, method.Name));
        }
    }

    // WithOrigins("https://a.example.com", "*"): the "*".
    private static Location? WildcardOrigin(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                if (operation.ConstantValue is { HasValue: true, Value: string origin } && origin.Trim() == "*")
                {
                    return operation.Syntax.GetLocation();
                }
            }
        }

        return null;
    }

    // _ => true, delegate { return true; }, origin => 1 == 1, or a method group whose body is `=> true`.
    private static bool AlwaysTrue(IOperation predicate, System.Threading.CancellationToken cancellationToken)
    {
        while (predicate is IConversionOperation or IDelegateCreationOperation)
        {
            predicate = predicate is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)predicate).Target;
        }

        if (predicate is IAnonymousFunctionOperation lambda)
        {
            return ReturnsOnlyTrue(lambda.Body);
        }

        if (predicate is IMethodReferenceOperation { Method: { } method } && method.DeclaringSyntaxReferences.Length == 1)
        {
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            return syntax is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax
            {
                ExpressionBody.Expression: Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal,
            } && literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression);
        }

        return false;
    }

    private static bool ReturnsOnlyTrue(IBlockOperation body)
    {
        // An expression lambda's body is a block with one return; a block lambda that does nothing but return true.
        return body.Operations.Length >= 1
            && body.Operations[0] is IReturnOperation { ReturnedValue: { ConstantValue: { HasValue: true, Value: true } } };
    }
}
