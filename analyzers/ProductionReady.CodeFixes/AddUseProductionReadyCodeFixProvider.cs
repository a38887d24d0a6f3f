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

/// <summary>
/// PRD003: inserts <c>app.UseProductionReady();</c> before the statement that runs the application and, when the
/// program never calls <c>AddProductionReady</c>, <c>builder.AddProductionReady();</c> before the builder is built:
/// <c>UseProductionReady</c> needs the services <c>AddProductionReady</c> registers, so one without the other is an
/// app that fails at startup. The fix is offered only when it can produce an app that starts: the runtime package
/// is referenced and the builder the app comes from can be found.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddUseProductionReadyCodeFixProvider))]
[Shared]
public sealed class AddUseProductionReadyCodeFixProvider : CodeFixProvider
{
    private const string BuilderNamespace = "Microsoft.AspNetCore.Builder";
    private const string ExtensionsMetadataName = "Microsoft.AspNetCore.Builder.ProductionReadyExtensions";
    private const string BuilderMetadataName = "Microsoft.AspNetCore.Builder.WebApplicationBuilder";
    private const string ApplicationMetadataName = "Microsoft.AspNetCore.Builder.WebApplication";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingHealthProbes);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.Compilation.GetTypeByMetadataName(ExtensionsMetadataName) is null)
        {
            // Without the ProductionReady package there is no UseProductionReady to call.
            return;
        }

        var registersServices = await CallsAddProductionReadyAsync(context.Document.Project, context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var invocation = DiagnosticSyntax.InvocationAt(root, diagnostic);
            if (invocation?.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax } member
                || invocation.FirstAncestorOrSelf<StatementSyntax>() is not { } statement
                || !IsInsertable(statement)
                || !IsWebApplication(model.GetTypeInfo(member.Expression, context.CancellationToken).Type))
            {
                continue;
            }

            BuilderEdit? builderEdit = null;
            if (!registersServices)
            {
                builderEdit = FindBuilder(model, member.Expression, root, context.CancellationToken);
                if (builderEdit is null)
                {
                    // UseProductionReady alone would throw at startup; no fix rather than a broken app.
                    continue;
                }
            }

            var title = builderEdit is null
                ? "Call " + member.Expression + ".UseProductionReady() before " + member.Name.Identifier.ValueText
                : "Call " + builderEdit.Describe() + ".AddProductionReady() and " + member.Expression + ".UseProductionReady()";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    c => InsertAsync(context.Document, statement, member.Expression, builderEdit, c),
                    equivalenceKey: nameof(AddUseProductionReadyCodeFixProvider)),
                diagnostic);
        }
    }

    private static bool IsInsertable(StatementSyntax statement)
        => statement.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax;

    private static bool IsWebApplication(ITypeSymbol? type)
        => type?.ToDisplayString() == ApplicationMetadataName;

    private static async Task<bool> CallsAddProductionReadyAsync(Project project, CancellationToken cancellationToken)
    {
        foreach (var document in project.Documents)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    _ => null,
                };
                if (name == "AddProductionReady")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Where <c>AddProductionReady</c> goes for the application <paramref name="application"/> (a local):
    /// <c>var app = builder.Build();</c> gets <c>builder.AddProductionReady();</c> before it;
    /// <c>WebApplication.CreateBuilder(args).Build()</c> becomes <c>….CreateBuilder(args).AddProductionReady().Build()</c>;
    /// <c>WebApplication.Create(args)</c> becomes <c>WebApplication.CreateBuilder(args).AddProductionReady().Build()</c>.
    /// </summary>
    private static BuilderEdit? FindBuilder(SemanticModel model, ExpressionSyntax application, SyntaxNode root, CancellationToken cancellationToken)
    {
        if (application is not IdentifierNameSyntax
            || model.GetSymbolInfo(application, cancellationToken).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].SyntaxTree != root.SyntaxTree
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax creation } declarator)
        {
            return null;
        }

        if (creation.Expression is not MemberAccessExpressionSyntax access)
        {
            return null;
        }

        var method = model.GetSymbolInfo(creation, cancellationToken).Symbol as IMethodSymbol;
        if (method is null)
        {
            return null;
        }

        if (access.Name.Identifier.ValueText == "Build" && method.ContainingType.ToDisplayString() == BuilderMetadataName)
        {
            if (access.Expression is IdentifierNameSyntax builder
                && declarator.FirstAncestorOrSelf<StatementSyntax>() is { } declaration
                && IsInsertable(declaration))
            {
                return new BuilderEdit(declaration, builder, null);
            }

            return new BuilderEdit(null, null, creation);
        }

        if (access.Name.Identifier.ValueText == "Create" && method.IsStatic && method.ContainingType.ToDisplayString() == ApplicationMetadataName)
        {
            return new BuilderEdit(null, null, creation);
        }

        return null;
    }

    private static async Task<Document> InsertAsync(Document document, StatementSyntax statement, ExpressionSyntax application, BuilderEdit? builderEdit, CancellationToken cancellationToken)
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

        // Every edit is made on the tracked original nodes, so earlier edits cannot move later targets.
        var targets = new System.Collections.Generic.List<SyntaxNode> { Outer(statement) };
        if (builderEdit?.Declaration is { } declaration)
        {
            targets.Add(Outer(declaration));
        }

        if (builderEdit?.Creation is { } creation)
        {
            targets.Add(creation);
        }

        SyntaxNode newRoot = unit.TrackNodes(targets);
        if (builderEdit?.Creation is { } toRewrite)
        {
            var current = newRoot.GetCurrentNode(toRewrite)!;
            newRoot = newRoot.ReplaceNode(current, BuildWithProductionReady(current));
        }

        if (builderEdit?.Declaration is { } before)
        {
            var current = newRoot.GetCurrentNode(Outer(before))!;
            newRoot = newRoot.ReplaceNode(current, InsertBefore(Inner(current), Call(builderEdit.Builder!, "AddProductionReady"), endOfLine));
        }

        var run = newRoot.GetCurrentNode(Outer(statement))!;
        newRoot = newRoot.ReplaceNode(run, InsertBefore(Inner(run), Call(application, "UseProductionReady"), endOfLine));

        if (newRoot is CompilationUnitSyntax newUnit && !await ImportsBuilderNamespaceAsync(document, unit, cancellationToken).ConfigureAwait(false))
        {
            newRoot = newUnit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(BuilderNamespace)).WithTrailingTrivia(endOfLine));
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static SyntaxNode Outer(StatementSyntax statement)
        => statement.Parent is GlobalStatementSyntax global ? global : statement;

    private static StatementSyntax Inner(SyntaxNode outer)
        => outer is GlobalStatementSyntax global ? global.Statement : (StatementSyntax)outer;

    private static ExpressionStatementSyntax Call(ExpressionSyntax receiver, string method)
        => SyntaxFactory.ExpressionStatement(
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    receiver.WithoutTrivia(),
                    SyntaxFactory.IdentifierName(method))));

    /// <summary>The new statement takes the original's leading comments; the original keeps its indentation.</summary>
    private static SyntaxNode[] InsertBefore(StatementSyntax statement, StatementSyntax call, SyntaxTrivia endOfLine)
    {
        var leading = statement.GetLeadingTrivia();
        var indentation = leading.Count > 0 ? leading[leading.Count - 1] : default;
        var indentationTrivia = indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList();
        var inserted = call.WithLeadingTrivia(leading).WithTrailingTrivia(endOfLine);
        var original = statement.WithLeadingTrivia(indentationTrivia);
        return statement.Parent is GlobalStatementSyntax global
            ? new SyntaxNode[] { SyntaxFactory.GlobalStatement(inserted), global.WithStatement(original) }
            : new SyntaxNode[] { inserted, original };
    }

    // WebApplication.Create(args) → WebApplication.CreateBuilder(args).AddProductionReady().Build();
    // x.Build() → x.AddProductionReady().Build().
    private static InvocationExpressionSyntax BuildWithProductionReady(SyntaxNode node)
    {
        var creation = (InvocationExpressionSyntax)node;
        var access = (MemberAccessExpressionSyntax)creation.Expression;
        ExpressionSyntax builder = access.Name.Identifier.ValueText == "Create"
            ? SyntaxFactory.InvocationExpression(access.WithName(SyntaxFactory.IdentifierName("CreateBuilder")), creation.ArgumentList)
            : access.Expression;
        var withServices = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, builder.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("AddProductionReady")));
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, withServices, SyntaxFactory.IdentifierName("Build")))
            .WithTriviaFrom(creation);
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

    /// <summary>How the fix registers the services: a statement before <see cref="Declaration"/>, or a rewrite of <see cref="Creation"/>.</summary>
    private sealed class BuilderEdit
    {
        public BuilderEdit(StatementSyntax? declaration, ExpressionSyntax? builder, InvocationExpressionSyntax? creation)
        {
            Declaration = declaration;
            Builder = builder;
            Creation = creation;
        }

        public StatementSyntax? Declaration { get; }

        public ExpressionSyntax? Builder { get; }

        public InvocationExpressionSyntax? Creation { get; }

        public string Describe() => Builder?.ToString() ?? "the builder";
    }
}
