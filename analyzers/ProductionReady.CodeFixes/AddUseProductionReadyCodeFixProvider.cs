using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>PRD003: inserts <c>app.UseProductionReady();</c> before the statement that runs the application.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUseProductionReadyCodeFixProvider))]
[Shared]
public sealed class AddUseProductionReadyCodeFixProvider : CodeFixProvider
{
    private const string BuilderNamespace = "Microsoft.AspNetCore.Builder";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingHealthProbes);

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
            if (invocation?.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax } member
                || invocation.FirstAncestorOrSelf<StatementSyntax>() is not { } statement
                || statement.Parent is not (BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Call " + member.Expression + ".UseProductionReady() before " + member.Name.Identifier.ValueText,
                    c => InsertAsync(context.Document, statement, member.Expression, c),
                    equivalenceKey: nameof(AddUseProductionReadyCodeFixProvider)),
                diagnostic);
        }
    }

    private static async Task<Document> InsertAsync(Document document, StatementSyntax statement, ExpressionSyntax application, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit)
        {
            return document;
        }

        var endOfLine = statement.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            endOfLine = SyntaxFactory.EndOfLine("\n");
        }

        var leading = statement.GetLeadingTrivia();
        var indentation = leading.Count > 0 ? leading[leading.Count - 1] : default;
        var indentationTrivia = indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList();

        // The new statement takes the original's leading comments; the original keeps its indentation.
        var call = SyntaxFactory.ExpressionStatement(
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        application.WithoutTrivia(),
                        SyntaxFactory.IdentifierName("UseProductionReady"))))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(endOfLine);
        var original = statement.WithLeadingTrivia(indentationTrivia);

        SyntaxNode newRoot = statement.Parent is GlobalStatementSyntax global
            ? unit.ReplaceNode(global, new SyntaxNode[] { SyntaxFactory.GlobalStatement(call), global.WithStatement(original) })
            : unit.ReplaceNode(statement, new SyntaxNode[] { call, original });

        if (newRoot is CompilationUnitSyntax newUnit && !await ImportsBuilderNamespaceAsync(document, unit, cancellationToken).ConfigureAwait(false))
        {
            newRoot = newUnit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(BuilderNamespace)).WithTrailingTrivia(endOfLine));
        }

        return document.WithSyntaxRoot(newRoot);
    }

    // The web SDK's implicit usings import Microsoft.AspNetCore.Builder as a global using; plain projects may not.
    private static async Task<bool> ImportsBuilderNamespaceAsync(Document document, CompilationUnitSyntax unit, CancellationToken cancellationToken)
    {
        if (unit.Usings.Any(u => IsBuilderNamespace(u.Name)) || unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => IsBuilderNamespace(u.Name))))
        {
            return true;
        }

        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return true;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (await tree.GetRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax other
                && other.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && IsBuilderNamespace(u.Name)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBuilderNamespace(NameSyntax? name)
    {
        var text = name?.ToString();
        return text == BuilderNamespace || text == "global::" + BuilderNamespace;
    }
}
