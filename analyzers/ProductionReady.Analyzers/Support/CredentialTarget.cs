using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ProductionReady.Analyzers;

/// <summary>
/// Where a string literal ends up: the variable, field, property, parameter, configuration key or API
/// argument it is assigned or passed to. Found syntactically by walking up through expressions that pass
/// the value along (parentheses, casts, <c>?:</c>, <c>??</c>, switch arms, collection initializers); a
/// positional argument needs the semantic model to name its parameter, which is only asked for when the
/// value looks like a credential.
/// </summary>
internal readonly struct CredentialTarget
{
    private CredentialTarget(string? name, bool isConfigurationKey, string? directKind, SyntaxNode? argumentOwner, int argumentIndex)
    {
        Name = name;
        IsConfigurationKey = isConfigurationKey;
        DirectKind = directKind;
        ArgumentOwner = argumentOwner;
        ArgumentIndex = argumentIndex;
    }

    /// <summary>The identifier or configuration key; null when unknown yet (positional argument) or none.</summary>
    public string? Name { get; }

    public bool IsConfigurationKey { get; }

    /// <summary>The kind, when the position alone says it (<c>new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))</c>).</summary>
    public string? DirectKind { get; }

    /// <summary>The invocation, object creation or attribute whose parameter the literal is passed to positionally.</summary>
    public SyntaxNode? ArgumentOwner { get; }

    public int ArgumentIndex { get; }

    public bool IsNone => Name is null && DirectKind is null && ArgumentOwner is null;

    public static CredentialTarget None => default;

    public static CredentialTarget Find(ExpressionSyntax literal)
    {
        SyntaxNode node = literal;
        for (var depth = 0; depth < 12; depth++)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax:
                case CastExpressionSyntax:
                case PostfixUnaryExpressionSyntax:
                case ArrayCreationExpressionSyntax:
                case ImplicitArrayCreationExpressionSyntax:
                case CollectionExpressionSyntax:
                    node = parent;
                    continue;
                case ExpressionElementSyntax:
                    node = parent;
                    continue;
                case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                    node = parent;
                    continue;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression) && binary.Right == node:
                    node = parent;
                    continue;
                case SwitchExpressionArmSyntax arm when arm.Expression == node && arm.Parent is not null:
                    node = arm.Parent;
                    continue;
                case InitializerExpressionSyntax initializer:
                    if (initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression))
                    {
                        return KeyValuePair(initializer.Expressions, node);
                    }

                    if (initializer.IsKind(SyntaxKind.ArrayInitializerExpression) || initializer.IsKind(SyntaxKind.CollectionInitializerExpression))
                    {
                        node = initializer.Parent is ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax ? initializer.Parent : initializer;
                        continue;
                    }

                    return None;
                case EqualsValueClauseSyntax equals:
                    return equals.Parent switch
                    {
                        VariableDeclaratorSyntax variable => Named(variable.Identifier.ValueText),
                        PropertyDeclarationSyntax property => Named(property.Identifier.ValueText),
                        ParameterSyntax parameter => Named(parameter.Identifier.ValueText),
                        _ => None,
                    };
                case AssignmentExpressionSyntax assignment when assignment.Right == node:
                    return Assignee(assignment.Left);
                case ArrowExpressionClauseSyntax arrow:
                    return Named(MemberName(arrow.Parent));
                case ReturnStatementSyntax @return:
                    return Named(MemberName(EnclosingMember(@return)));
                case ArgumentSyntax argument:
                    return Argument(argument);
                case AttributeArgumentSyntax attributeArgument:
                    return AttributeArgument(attributeArgument);
                default:
                    return None;
            }
        }

        return None;
    }

    private static CredentialTarget Named(string? name) => name is null ? None : new CredentialTarget(name, false, null, null, -1);

    private static CredentialTarget ConfigurationKey(string key) => new CredentialTarget(key, true, null, null, -1);

    private static CredentialTarget Direct(string kind) => new CredentialTarget(null, false, kind, null, -1);

    private static CredentialTarget Positional(SyntaxNode owner, int index) => new CredentialTarget(null, false, null, owner, index);

    private static CredentialTarget Assignee(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax identifier => Named(identifier.Identifier.ValueText),
        MemberAccessExpressionSyntax member => Named(member.Name.Identifier.ValueText),
        MemberBindingExpressionSyntax binding => Named(binding.Name.Identifier.ValueText),
        ElementAccessExpressionSyntax element => Indexer(element.ArgumentList),
        ImplicitElementAccessSyntax element => Indexer(element.ArgumentList),
        _ => None,
    };

    // config["Jwt:Key"] = "…", new Dictionary<string, string?> { ["Jwt:Key"] = "…" }
    private static CredentialTarget Indexer(BracketedArgumentListSyntax? arguments)
        => arguments is { Arguments.Count: 1 } && StringValue(arguments.Arguments[0].Expression) is { } key ? ConfigurationKey(key) : None;

    // { "Jwt:Key", "…" } and ("DB_PASSWORD", "…"): the value follows its key.
    private static CredentialTarget KeyValuePair(SeparatedSyntaxList<ExpressionSyntax> expressions, SyntaxNode value)
        => expressions.Count == 2 && expressions[1] == value && StringValue(expressions[0]) is { } key ? ConfigurationKey(key) : None;

    private static CredentialTarget Argument(ArgumentSyntax argument)
    {
        if (argument.NameColon is { } nameColon)
        {
            return Named(nameColon.Name.Identifier.ValueText);
        }

        if (argument.Parent is TupleExpressionSyntax tuple)
        {
            return tuple.Arguments.Count == 2 && tuple.Arguments[1] == argument && StringValue(tuple.Arguments[0].Expression) is { } tupleKey
                ? ConfigurationKey(tupleKey)
                : None;
        }

        if (argument.Parent is not ArgumentListSyntax list || list.Parent is null)
        {
            return None;
        }

        var index = list.Arguments.IndexOf(argument);

        // Add("Password", "…"), SetEnvironmentVariable("DB_PASSWORD", "…"), new KeyValuePair<,>("Jwt:Key", "…").
        if (index == 1 && StringValue(list.Arguments[0].Expression) is { } key && CredentialKinds.OfConfigurationKey(key, configurationFile: false) is not null)
        {
            return ConfigurationKey(key);
        }

        // new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…")) and the like: key material.
        if (list.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation
            && IsBytesConversion(member.Name.Identifier.ValueText)
            && invocation.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } }
            && IsKeyType(creation))
        {
            return Direct("signing key");
        }

        return Positional(list.Parent, index);
    }

    private static CredentialTarget AttributeArgument(AttributeArgumentSyntax argument)
    {
        if (argument.NameEquals is { } nameEquals)
        {
            return Named(nameEquals.Name.Identifier.ValueText);
        }

        if (argument.NameColon is { } nameColon)
        {
            return Named(nameColon.Name.Identifier.ValueText);
        }

        return argument.Parent is AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list
            ? Positional(attribute, list.Arguments.IndexOf(argument))
            : None;
    }

    /// <summary>The parameter a positional argument binds to, through the semantic model.</summary>
    public string? ResolveParameterName(SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (ArgumentOwner is null || ArgumentIndex < 0)
        {
            return null;
        }

        var info = model.GetSymbolInfo(ArgumentOwner, cancellationToken);
        var method = info.Symbol as IMethodSymbol;
        if (method is null && info.CandidateSymbols.Length == 1)
        {
            method = info.CandidateSymbols[0] as IMethodSymbol;
        }

        if (method is null || method.Parameters.Length == 0)
        {
            return null;
        }

        var parameters = method.Parameters;
        if (ArgumentIndex < parameters.Length)
        {
            return parameters[ArgumentIndex].Name;
        }

        var last = parameters[parameters.Length - 1];
        return last.IsParams ? last.Name : null;
    }

    private static bool IsBytesConversion(string name)
        => name == "GetBytes" || name == "FromBase64String" || name == "FromHexString";

    private static bool IsKeyType(BaseObjectCreationExpressionSyntax creation)
    {
        var type = creation is ObjectCreationExpressionSyntax explicitCreation ? RightmostName(explicitCreation.Type) : null;
        return type is not null && (type.EndsWith("SecurityKey", System.StringComparison.Ordinal) || type.StartsWith("HMAC", System.StringComparison.Ordinal));
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    // A key is one word-ish token: "Jwt:Key", "DB_PASSWORD", "X-Api-Key"; a message ("Value is not a JToken.") is not.
    private static string? StringValue(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && IsKeyLike(literal.Token.ValueText)
            ? literal.Token.ValueText
            : null;

    private static bool IsKeyLike(string key)
    {
        if (key.Length == 0 || key.Length > 100 || key[key.Length - 1] == '.')
        {
            return false;
        }

        foreach (var c in key)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static SyntaxNode? EnclosingMember(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                    return null;
                case MemberDeclarationSyntax:
                case LocalFunctionStatementSyntax:
                case AccessorDeclarationSyntax:
                    return current;
            }
        }

        return null;
    }

    private static string? MemberName(SyntaxNode? member) => member switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        AccessorDeclarationSyntax accessor when accessor.IsKind(SyntaxKind.GetAccessorDeclaration) => MemberName(accessor.Parent?.Parent),
        _ => null,
    };
}
