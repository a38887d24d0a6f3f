using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD012: chains <c>.RequireRateLimiting("auth")</c> (ProductionReady's authentication preset) onto the
/// <c>Map…</c>/<c>MapIdentityApi</c> call. Controller actions get no fix: which attribute fits (on the action or
/// the controller) is the author's choice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequireAuthRateLimitCodeFixProvider))]
[Shared]
public sealed class RequireAuthRateLimitCodeFixProvider : ProductionReadyCodeFixProvider
{
    /// <summary>Creates the fix for PRD012.</summary>
    public RequireAuthRateLimitCodeFixProvider()
        : base(DiagnosticIds.UnlimitedAuthenticationEndpoint)
    {
    }

    /// <inheritdoc />
    protected override void RegisterCodeFix(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var invocation = DiagnosticSyntax.InvocationAt(root, diagnostic);
        var name = invocation?.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
        if (invocation is null || name is null || !name.StartsWith("Map", System.StringComparison.Ordinal))
        {
            return;
        }

        var auth = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("auth")))));
        context.RegisterCodeFix(
            CodeAction.Create(
                "Chain .RequireRateLimiting(\"auth\")",
                c => DiagnosticSyntax.ChainCallAsync(context.Document, invocation, "RequireRateLimiting", auth, c),
                equivalenceKey: nameof(RequireAuthRateLimitCodeFixProvider)),
            diagnostic);
    }
}
