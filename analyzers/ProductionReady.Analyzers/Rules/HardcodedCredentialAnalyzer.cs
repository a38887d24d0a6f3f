using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD001: a credential written into C# source. Every string literal (regular, verbatim, raw, UTF-8) and
/// interpolated string is checked for well-known token formats and connection-string/URI passwords wherever
/// it is, and for real-looking values where it reaches a credential position (a variable, field, property,
/// parameter or configuration key named like a secret, or a credential API's parameter).
/// In test projects, fakes are expected: findings other than live token formats go to PRD009 (hidden).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedCredentialAnalyzer : ProductionReadyAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HardcodedCredential, Descriptors.CredentialInTestCode);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            // Asked only when there is something to report: without the IsTestProject build property the answer needs
            // the compilation's references bound, which the analyzer would otherwise force before the compiler needs them.
            var compilation = start.Compilation;
            var options = start.Options;
            var callbacks = new Callbacks(new System.Lazy<bool>(() => TestProjects.IsTestProject(compilation, options)));
            start.RegisterSyntaxNodeAction(callbacks.AnalyzeLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
            start.RegisterSyntaxNodeAction(callbacks.AnalyzeInterpolatedString, SyntaxKind.InterpolatedStringExpression);
        });
    }

    // The callbacks run once per string literal: methods compiled optimized at once (HotPath), not lambdas, which the
    // compiler's process runs unoptimized for the whole build (and which copied the context once more per call).
    private sealed class Callbacks(System.Lazy<bool> inTestProject)
    {
        [MethodImpl(HotPath.Options)]
        public void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
            => Report(context, LiteralCredentialJudge.JudgeLiteral((LiteralExpressionSyntax)context.Node, context.SemanticModel, context.CancellationToken));

        [MethodImpl(HotPath.Options)]
        public void AnalyzeInterpolatedString(SyntaxNodeAnalysisContext context)
            => Report(context, LiteralCredentialJudge.JudgeInterpolated((InterpolatedStringExpressionSyntax)context.Node, context.SemanticModel, context.CancellationToken));

        [MethodImpl(HotPath.Options)]
        private void Report(in SyntaxNodeAnalysisContext context, LiteralCredential? found)
        {
            if (found is not { } credential)
            {
                return;
            }

            // A live token format is a live token in a test too; a JWT in a test is almost always a fake.
            var descriptor = !credential.LiveInTests && inTestProject.Value ? Descriptors.CredentialInTestCode : Descriptors.HardcodedCredential;
            context.ReportDiagnostic(Diagnostic.Create(descriptor, (credential.At ?? context.Node).GetLocation(), credential.KindText, credential.Where));
        }
    }
}
