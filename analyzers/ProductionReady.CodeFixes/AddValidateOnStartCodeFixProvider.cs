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

/// <summary>PRD007: appends <c>.ValidateOnStart()</c> to an <c>AddOptions&lt;T&gt;()</c> chain.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddValidateOnStartCodeFixProvider))]
[Shared]
public sealed class AddValidateOnStartCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecretOptionsNotValidatedOnStart);

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
            if (invocation?.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddOptions" })
            {
                // Configure<T>(…) returns the service collection: there is no builder to chain onto.
                continue;
            }

            var chain = OutermostCall(invocation);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Chain .ValidateOnStart()",
                    c => AppendAsync(context.Document, chain, c),
                    equivalenceKey: nameof(AddValidateOnStartCodeFixProvider)),
                diagnostic);
        }
    }

    // services.AddOptions<T>().BindConfiguration("X").ValidateDataAnnotations(): the last call of the fluent chain.
    private static InvocationExpressionSyntax OutermostCall(InvocationExpressionSyntax invocation)
    {
        var current = invocation;
        while (current.Parent is MemberAccessExpressionSyntax member && member.Expression == current && member.Parent is InvocationExpressionSyntax next)
        {
            current = next;
        }

        return current;
    }

    private static async Task<Document> AppendAsync(Document document, InvocationExpressionSyntax chain, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var validated = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    chain.WithoutTrailingTrivia(),
                    SyntaxFactory.IdentifierName("ValidateOnStart")))
            .WithTrailingTrivia(chain.GetTrailingTrivia());
        return document.WithSyntaxRoot(root.ReplaceNode(chain, validated));
    }
}
