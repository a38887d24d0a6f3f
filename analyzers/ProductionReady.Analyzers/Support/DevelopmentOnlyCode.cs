using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>Code that only runs in the Development environment, recognized from the branch it sits in.</summary>
internal static class DevelopmentOnlyCode
{
    /// <summary>
    /// True inside the then-branch of <c>if (….IsDevelopment())</c> (or <c>IsEnvironment("Development")</c>),
    /// or the else-branch of <c>if (….IsProduction())</c> (or the matching arm of <c>?:</c>); a negated condition flips
    /// the branch. The search stops at the enclosing member; at the enclosing lambda too unless
    /// <paramref name="throughLambdas"/> (a policy lambda inside <c>if (env.IsDevelopment())</c> runs only there).
    /// </summary>
    public static bool Contains(SyntaxNode node, bool throughLambdas = false)
    {
        var child = node;
        for (var current = node.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is MemberDeclarationSyntax or LocalFunctionStatementSyntax || (current is AnonymousFunctionExpressionSyntax && !throughLambdas))
            {
                return false;
            }

            if (current is ConditionalExpressionSyntax conditional)
            {
                var environment = EnvironmentOf(conditional.Condition);
                if ((conditional.WhenTrue == child && environment == Environment.Development) || (conditional.WhenFalse == child && environment == Environment.Production))
                {
                    return true;
                }
            }

            if (current is ElseClauseSyntax { Parent: IfStatementSyntax elseOf } && child is not IfStatementSyntax)
            {
                if (EnvironmentOf(elseOf.Condition) == Environment.Production)
                {
                    return true;
                }

                current = elseOf;
                continue;
            }

            if (current is IfStatementSyntax ifStatement && ifStatement.Statement == child && EnvironmentOf(ifStatement.Condition) == Environment.Development)
            {
                return true;
            }
        }

        return false;
    }

    private enum Environment
    {
        Unknown,
        Development,
        Production,
    }

    private static Environment EnvironmentOf(ExpressionSyntax condition)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return EnvironmentOf(parenthesized.Expression);
            case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.LogicalNotExpression):
                return EnvironmentOf(prefix.Operand) switch
                {
                    Environment.Development => Environment.Production,
                    Environment.Production => Environment.Development,
                    _ => Environment.Unknown,
                };
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                var left = EnvironmentOf(binary.Left);
                return left == Environment.Development ? left : EnvironmentOf(binary.Right) == Environment.Development ? Environment.Development : Environment.Unknown;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation:
                var name = member.Name.Identifier.ValueText;
                if (name == "IsDevelopment")
                {
                    return Environment.Development;
                }

                if (name == "IsProduction")
                {
                    return Environment.Production;
                }

                if (name == "IsEnvironment" && invocation.ArgumentList.Arguments.Count == 1
                    && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal)
                {
                    var environment = literal.Token.ValueText;
                    return string.Equals(environment, "Development", System.StringComparison.OrdinalIgnoreCase) ? Environment.Development
                        : string.Equals(environment, "Production", System.StringComparison.OrdinalIgnoreCase) ? Environment.Production
                        : Environment.Unknown;
                }

                return Environment.Unknown;
            default:
                return Environment.Unknown;
        }
    }
}
