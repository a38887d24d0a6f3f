using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProductionReady.Detection;

namespace ProductionReady.Analyzers;

/// <summary>Values assigned to a name, an indexer key or a collection, or written after their key in a pair.</summary>
internal static class AssignmentTargets
{
    /// <summary>
    /// The target of an assignment: a sibling member that names the kind in an object initializer
    /// (<c>new Setting { Type = "…ApiKey", Value = "…" }</c>), else the assigned variable, member, indexer key or collection.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static CredentialTarget Assigned(AssignmentExpressionSyntax assignment)
    {
        if (assignment.Parent is InitializerExpressionSyntax siblings && siblings.IsKind(SyntaxKind.ObjectInitializerExpression))
        {
            // new Setting { Type = "…ApiKey", Value = "…" }; new Secret { Type = X509CertificateThumbprint, Value = "…" }.
            if (SiblingMembers.NamesPublicValue(siblings))
            {
                return CredentialTarget.None;
            }

            if (SiblingMembers.KindKey(siblings, assignment) is { } siblingKey)
            {
                return CredentialTarget.ConfigurationKey(siblingKey);
            }
        }

        return Assignee(assignment.Left);
    }

    [MethodImpl(HotPath.Options)]
    private static CredentialTarget Assignee(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax identifier => CredentialTarget.Named(identifier.Identifier.ValueText),
        MemberAccessExpressionSyntax member => CredentialTarget.Named(member.Name.Identifier.ValueText),
        MemberBindingExpressionSyntax binding => CredentialTarget.Named(binding.Name.Identifier.ValueText),
        ElementAccessExpressionSyntax element => Indexer(element.ArgumentList) is { IsNone: false } keyed && CredentialKinds.OfConfigurationKey(keyed.Name, configurationFile: false) is not null
            ? keyed
            : CollectionNamed(element.Expression),
        ImplicitElementAccessSyntax element => Indexer(element.ArgumentList),
        _ => CredentialTarget.None,
    };

    // config["Jwt:Key"] = "…", new Dictionary<string, string?> { ["Jwt:Key"] = "…" }
    private static CredentialTarget Indexer(BracketedArgumentListSyntax? arguments)
        => arguments is { Arguments.Count: 1 } && SyntaxPlaces.KeyLiteral(arguments.Arguments[0].Expression) is { } key ? CredentialTarget.ConfigurationKey(key) : CredentialTarget.None;

    // passwordsByHost["db1"] = "…": the key says nothing, the dictionary's name does.
    private static CredentialTarget CollectionNamed(ExpressionSyntax collection)
    {
        var name = collection switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
        return name is not null && SecretNames.IsSecretName(name) ? CredentialTarget.Named(name, TargetFlags.CollectionName) : CredentialTarget.None;
    }

    // { "Jwt:Key", "…" } and ("DB_PASSWORD", "…"): the value follows its key.
    internal static CredentialTarget KeyValuePair(SeparatedSyntaxList<ExpressionSyntax> expressions, SyntaxNode value)
        => expressions.Count == 2 && expressions[1] == value && SyntaxPlaces.KeyLiteral(expressions[0]) is { } key ? CredentialTarget.ConfigurationKey(key) : CredentialTarget.None;

    internal static string? DeconstructedName(ExpressionSyntax left, int index)
    {
        SyntaxNode? element = left switch
        {
            DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax designation } when index < designation.Variables.Count => designation.Variables[index],
            TupleExpressionSyntax tuple when index < tuple.Arguments.Count => tuple.Arguments[index].Expression,
            _ => null,
        };
        return element switch
        {
            SingleVariableDesignationSyntax single => single.Identifier.ValueText,
            DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single } => single.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
    }
}
