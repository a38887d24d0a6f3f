using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

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
            var inTestProject = new System.Lazy<bool>(() => TestProjects.IsTestProject(compilation, options));
            start.RegisterSyntaxNodeAction(
                c => AnalyzeLiteral(c, inTestProject),
                SyntaxKind.StringLiteralExpression,
                SyntaxKind.Utf8StringLiteralExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeInterpolatedString(c, inTestProject), SyntaxKind.InterpolatedStringExpression);
        });
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, System.Lazy<bool> inTestProject)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var text = literal.Token.ValueText;
        if (text.Length < 5)
        {
            return;
        }

        Analyze(context, literal, text, text, inTestProject);
    }

    private static void AnalyzeInterpolatedString(SyntaxNodeAnalysisContext context, System.Lazy<bool> inTestProject)
    {
        var interpolated = (InterpolatedStringExpressionSyntax)context.Node;
        if (interpolated.Contents.Count == 0)
        {
            return;
        }

        // Holes stand in as a marker character: a password that is a hole is read from somewhere else.
        var text = new StringBuilder();
        var longestLiteralPart = string.Empty;
        foreach (var content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax part)
            {
                var value = part.TextToken.ValueText;
                text.Append(value);
                if (value.Length > longestLiteralPart.Length)
                {
                    longestLiteralPart = value;
                }
            }
            else
            {
                text.Append(CredentialValues.Hole);
            }
        }

        if (longestLiteralPart.Length < 5 && text.Length < 6)
        {
            return;
        }

        Analyze(context, interpolated, text.ToString(), longestLiteralPart, inTestProject);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, ExpressionSyntax expression, string text, string positionalValue, System.Lazy<bool> inTestProject)
    {
        if (CredentialValues.FindInValue(text) is { } found)
        {
            // A live token format is a live token in a test too; a JWT in a test is almost always a fake.
            Report(context, expression, found.Kind, string.Empty, !found.IsLiveFormat || found.IsJwt ? inTestProject.Value : false);
            return;
        }

        // A JSON document in a (raw) string literal: {"user": "…", "password": "…"}.
        if (CredentialValues.FindInJson(text) is { } inJson)
        {
            Report(context, expression, inJson.Kind, " in '" + inJson.Key + "'", inTestProject.Value);
            return;
        }

        if (positionalValue.Length < 4)
        {
            return;
        }

        var target = CredentialTarget.Find(expression);
        if (target.IsNone)
        {
            return;
        }

        string? kind;
        string? name = target.Name;
        if (target.DirectKind is not null)
        {
            kind = target.DirectKind;
        }
        else if (target.ArgumentOwner is not null)
        {
            // Ask the semantic model only for values that already look like a credential (most positional
            // string arguments are messages with spaces, which end here without binding anything).
            // Weak words ("admin") only where a password goes after another argument (a user, a path): NetworkCredential,
            // UserManager.CreateAsync, X509Certificate2; a first argument "admin" is a user name or a path segment.
            var bytes = (target.Flags & TargetFlags.Bytes) != 0;
            if (!CredentialValues.IsSecretShaped(positionalValue, weakWordsCount: target.ArgumentIndex > 0)
                || !CredentialValues.IsCredentialLike(positionalValue, "password", direct: bytes))
            {
                return;
            }

            var parameter = target.ResolveParameter(context.SemanticModel, context.CancellationToken);
            if ((target.Flags & TargetFlags.Bytes) != 0 && parameter?.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                && CredentialTarget.IsKeyType(constructor.ContainingType.Name))
            {
                // new(...) of a SymmetricSecurityKey or an HMAC from the bytes of a literal: key material.
                kind = "signing key";
                name = null;
                if (CredentialValues.IsCredentialLike(positionalValue, kind, direct: true))
                {
                    Report(context, expression, kind, string.Empty, inTestProject.Value);
                }

                return;
            }

            name = parameter?.Name;
            kind = CredentialKinds.OfIdentifier(name);
        }
        else
        {
            kind = target.IsConfigurationKey
                ? CredentialKinds.OfConfigurationKey(name, configurationFile: false)
                : CredentialKinds.OfIdentifier(name);
        }

        if (kind is null
            || ((target.Flags & TargetFlags.CollectionName) != 0 && !CredentialValues.IsSecretShaped(positionalValue))
            || !CredentialValues.IsCredentialLike(positionalValue, kind, name, direct: target.DirectKind is not null, nameConstant: (target.Flags & TargetFlags.NameConstant) != 0))
        {
            return;
        }

        Report(context, expression, kind, name is null ? string.Empty : " in '" + name + "'", inTestProject.Value);
    }

    private static void Report(SyntaxNodeAnalysisContext context, ExpressionSyntax expression, string kind, string where, bool asTestCode)
    {
        var descriptor = asTestCode ? Descriptors.CredentialInTestCode : Descriptors.HardcodedCredential;
        context.ReportDiagnostic(Diagnostic.Create(descriptor, expression.GetLocation(), kind, where));
    }
}
