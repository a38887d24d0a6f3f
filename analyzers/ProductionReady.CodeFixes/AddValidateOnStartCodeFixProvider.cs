using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>PRD007: appends <c>.ValidateOnStart()</c> to an <c>AddOptions&lt;T&gt;()</c> chain.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddValidateOnStartCodeFixProvider))]
[Shared]
public sealed class AddValidateOnStartCodeFixProvider : ProductionReadyCodeFixProvider
{
    /// <summary>Creates the fix for PRD007.</summary>
    public AddValidateOnStartCodeFixProvider()
        : base(DiagnosticIds.SecretOptionsNotValidatedOnStart)
    {
    }

    /// <inheritdoc />
    protected override void RegisterCodeFix(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var invocation = DiagnosticSyntax.InvocationAt(root, diagnostic);
        if (invocation?.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddOptions" })
        {
            // Configure<T>(…) returns the service collection: there is no builder to chain onto.
            return;
        }

        var chain = OutermostCall(invocation);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Chain .ValidateOnStart()",
                c => DiagnosticSyntax.ChainCallAsync(context.Document, chain, "ValidateOnStart", SyntaxFactory.ArgumentList(), c),
                equivalenceKey: nameof(AddValidateOnStartCodeFixProvider)),
            diagnostic);
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
}
