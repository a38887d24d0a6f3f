using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>
/// Declarations a literal initializes or is returned by: its target is the declared name, and a constant (const, static
/// readonly, a static get-only property) may spell its own name instead of holding a value.
/// </summary>
internal static class DeclarationTargets
{
    /// <summary>The variable, property or parameter a value initializes (<c>var password = "…"</c>, <c>string Key { get; } = "…"</c>).</summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialTarget Initialized(EqualsValueClauseSyntax equals) => equals.Parent switch
    {
        VariableDeclaratorSyntax variable => CredentialTarget.Named(variable.Identifier.ValueText, IsNameConstant(variable) ? TargetFlags.NameConstant : TargetFlags.None),
        PropertyDeclarationSyntax property => CredentialTarget.Named(property.Identifier.ValueText, IsStaticGetOnly(property) ? TargetFlags.NameConstant : TargetFlags.None),
        ParameterSyntax parameter => CredentialTarget.Named(parameter.Identifier.ValueText),
        _ => CredentialTarget.None,
    };

    /// <summary>The property, method or local function whose expression body is the value (<c>string Password => "…"</c>).</summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialTarget Arrow(ArrowExpressionClauseSyntax arrow)
        => CredentialTarget.Named(SyntaxPlaces.MemberName(arrow.Parent), arrow.Parent is PropertyDeclarationSyntax property && IsStaticGetOnly(property) ? TargetFlags.NameConstant : TargetFlags.None);

    /// <summary>The member that returns the value (<c>string GetPassword() { return "…"; }</c>).</summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialTarget Returned(ReturnStatementSyntax statement)
        => CredentialTarget.Named(SyntaxPlaces.MemberName(SyntaxPlaces.EnclosingMember(statement)));

    // static string Password => "password", static string Password { get; } = "password": constants written as properties.
    private static bool IsStaticGetOnly(PropertyDeclarationSyntax property)
    {
        if (!property.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            return false;
        }

        if (property.AccessorList is null)
        {
            return true;
        }

        foreach (var accessor in property.AccessorList.Accessors)
        {
            if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                return false;
            }
        }

        return true;
    }

    // const string Password = "password": a constant that may spell its own name (a field or key name, not a value).
    private static bool IsNameConstant(VariableDeclaratorSyntax variable)
        => variable.Parent?.Parent switch
        {
            FieldDeclarationSyntax field => field.Modifiers.Any(SyntaxKind.ConstKeyword) || (field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)),
            LocalDeclarationStatementSyntax local => local.IsConst,
            _ => false,
        };
}
