using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
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
public sealed class RequireAuthRateLimitCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnlimitedAuthenticationEndpoint);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var invocation = DiagnosticSyntax.InvocationAt(root, diagnostic);
            var name = invocation?.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => null,
            };
            if (invocation is null || name is null || !name.StartsWith("Map", System.StringComparison.Ordinal))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Chain .RequireRateLimiting(\"auth\")",
                    c => AppendAsync(context.Document, invocation, c),
                    equivalenceKey: nameof(RequireAuthRateLimitCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> AppendAsync(Document document, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var limited = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    call.WithoutTrailingTrivia(),
                    SyntaxFactory.IdentifierName("RequireRateLimiting")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("auth"))))))
            .WithTrailingTrivia(call.GetTrailingTrivia());
        return document.WithSyntaxRoot(root.ReplaceNode(call, limited));
    }
}
