using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>Code that only runs in the Development environment, recognized from the branch it sits in.</summary>
internal static class DevelopmentOnlyCode
{
    /// <summary>
    /// True inside the then-branch of <c>if (….IsDevelopment())</c> (or <c>IsEnvironment("Development")</c>),
    /// or the else-branch of <c>if (….IsProduction())</c> (or the matching arm of <c>?:</c>), or after a guard that
    /// leaves otherwise (<c>if (!app.Environment.IsDevelopment()) return app;</c>); a negated condition flips the branch. The search stops at the enclosing member; at the enclosing lambda too unless
    /// <paramref name="throughLambdas"/> (a policy lambda inside <c>if (env.IsDevelopment())</c> runs only there).
    /// </summary>
    public static bool Contains(SyntaxNode node, bool throughLambdas = false)
    {
        var child = node;
        for (var current = node.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax unit)
            {
                // Top-level statements: an earlier `if (!app.Environment.IsDevelopment()) return;` guards the rest.
                foreach (var member in unit.Members)
                {
                    if (member == global)
                    {
                        break;
                    }

                    if (member is GlobalStatementSyntax { Statement: var earlier } && LeavesUnlessDevelopment(earlier))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (current is MemberDeclarationSyntax or LocalFunctionStatementSyntax || (current is AnonymousFunctionExpressionSyntax && !throughLambdas))
            {
                return false;
            }

            if (current is BlockSyntax block)
            {
                // if (!app.Environment.IsDevelopment()) { return app; } before this statement: only Development gets here.
                foreach (var statement in block.Statements)
                {
                    if (statement == child)
                    {
                        break;
                    }

                    if (LeavesUnlessDevelopment(statement))
                    {
                        return true;
                    }
                }
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

    // if (!env.IsDevelopment()) return …; / if (env.IsProduction()) { throw …; } with no else.
    private static bool LeavesUnlessDevelopment(StatementSyntax statement)
        => statement is IfStatementSyntax { Else: null } guard
            && EnvironmentOf(guard.Condition) == Environment.Production
            && Leaves(guard.Statement);

    private static bool Leaves(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax => true,
        BlockSyntax { Statements.Count: > 0 } block => block.Statements[block.Statements.Count - 1] is ReturnStatementSyntax or ThrowStatementSyntax,
        _ => false,
    };

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
