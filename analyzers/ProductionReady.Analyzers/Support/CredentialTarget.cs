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
    private CredentialTarget(string? name, bool isConfigurationKey, CredentialKind? directKind, SyntaxNode? argumentOwner, int argumentIndex, TargetFlags flags = TargetFlags.None)
    {
        Name = name;
        IsConfigurationKey = isConfigurationKey;
        DirectKind = directKind;
        ArgumentOwner = argumentOwner;
        ArgumentIndex = argumentIndex;
        Flags = flags;
    }

    /// <summary>How the value reaches its target, where that changes the judgement.</summary>
    public TargetFlags Flags { get; }

    /// <summary>The identifier or configuration key; null when unknown yet (positional argument) or none.</summary>
    public string? Name { get; }

    public bool IsConfigurationKey { get; }

    /// <summary>The kind, when the position alone says it (<c>new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))</c>).</summary>
    public CredentialKind? DirectKind { get; }

    /// <summary>The invocation, object creation or attribute whose parameter the literal is passed to positionally.</summary>
    public SyntaxNode? ArgumentOwner { get; }

    public int ArgumentIndex { get; }

    public bool IsNone => Name is null && DirectKind is null && ArgumentOwner is null;

    public static CredentialTarget None => default;

    public static CredentialTarget Find(ExpressionSyntax literal)
    {
        SyntaxNode node = literal;
        var bytes = false;
        for (var depth = 0; depth < 12; depth++)
        {
            var parent = node.Parent;
            switch (parent)
            {
                // "…"u8.ToArray(), "…".ToCharArray(), IdentityServer's "…".Sha256(): the value passes through.
                case MemberAccessExpressionSyntax access when access.Expression == node && access.Parent is InvocationExpressionSyntax call
                    && call.Expression == access && call.ArgumentList.Arguments.Count == 0 && IsPassThrough(access.Name.Identifier.ValueText):
                    bytes |= access.Name.Identifier.ValueText == "ToArray";
                    node = call;
                    continue;

                // Convert.FromHexString("…"), Encoding.UTF8.GetBytes("…"): key material on its way to a key.
                case ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax conversion } call } }
                    when IsBytesConversion(conversion.Name.Identifier.ValueText):
                    // Encoding.ASCII.GetBytes("user:password") where the same code builds a Basic-auth header from the bytes.
                    if (node is LiteralExpressionSyntax pair && conversion.Name.Identifier.ValueText == "GetBytes"
                        && CredentialValues.IsPlainBasicPair(pair.Token.ValueText) && BuildsBasicHeader(call))
                    {
                        return Direct(CredentialKind.BasicUserPassword);
                    }

                    bytes = true;
                    node = call;
                    continue;

                // foreach (var c in "…") secure.AppendChar(c);
                case ForEachStatementSyntax loop when loop.Expression == node:
                    return AppendsChars(loop.Statement) ? Direct(CredentialKind.Password) : None;
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
                    return KeyBytes(bytes, equals.Parent switch
                    {
                        VariableDeclaratorSyntax variable => Named(variable.Identifier.ValueText, IsNameConstant(variable) ? TargetFlags.NameConstant : TargetFlags.None),
                        PropertyDeclarationSyntax property => Named(property.Identifier.ValueText, IsStaticGetOnly(property) ? TargetFlags.NameConstant : TargetFlags.None),
                        ParameterSyntax parameter => Named(parameter.Identifier.ValueText),
                        _ => None,
                    });
                // if (apiKey != "…"), provided == "…" for a request header: a shared secret the code checks against.
                case BinaryExpressionSyntax equality when equality.IsKind(SyntaxKind.EqualsExpression) || equality.IsKind(SyntaxKind.NotEqualsExpression):
                    return Compared(equality.Left == node ? equality.Right : equality.Left, literal);
                case AssignmentExpressionSyntax assignment when assignment.Right == node:
                    if (assignment.Parent is InitializerExpressionSyntax siblings && siblings.IsKind(SyntaxKind.ObjectInitializerExpression))
                    {
                        // new Setting { Type = "…ApiKey", Value = "…" }; new Secret { Type = X509CertificateThumbprint, Value = "…" }.
                        if (SiblingMembers.NamesPublicValue(siblings))
                        {
                            return None;
                        }

                        if (SiblingMembers.KindKey(siblings, assignment) is { } siblingKey)
                        {
                            return ConfigurationKey(siblingKey);
                        }
                    }

                    return KeyBytes(bytes, Assignee(assignment.Left));
                case ArrowExpressionClauseSyntax arrow:
                    return KeyBytes(bytes, Named(MemberName(arrow.Parent), arrow.Parent is PropertyDeclarationSyntax arrowProperty && IsStaticGetOnly(arrowProperty) ? TargetFlags.NameConstant : TargetFlags.None));
                case ReturnStatementSyntax @return:
                    return KeyBytes(bytes, Named(MemberName(EnclosingMember(@return))));
                case ArgumentSyntax argument:
                    return Argument(argument, bytes);
                case AttributeArgumentSyntax attributeArgument:
                    return AttributeArgument(attributeArgument);
                default:
                    return None;
            }
        }

        return None;
    }

    private static CredentialTarget Named(string? name, TargetFlags flags = TargetFlags.None) => name is null ? None : new CredentialTarget(name, false, null, null, -1, flags);

    // Bytes of a literal assigned to a key (aes.Key = Convert.FromHexString("…"), var hmacKey = …, byte[] AesKey() => …).
    private static CredentialTarget KeyBytes(bool bytes, CredentialTarget target)
    {
        if (!bytes || target.Name is null || target.IsConfigurationKey)
        {
            return target;
        }

        var words = ProductionReady.Detection.SecretNames.SplitWords(target.Name);
        return words.Count > 0 && words[words.Count - 1] == "key" ? Direct(CredentialKind.EncryptionKey) : target;
    }

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

    // ToArray/ToCharArray, and hashing extensions of identity servers ("…".Sha256(), "…".ToSha256Base64()): the hash of a
    // hardcoded secret is a hardcoded secret.
    private static bool IsPassThrough(string name)
        => name == "ToArray" || name == "ToCharArray" || name.StartsWith("Sha", System.StringComparison.Ordinal) || name.StartsWith("ToSha", System.StringComparison.Ordinal);

    private static bool AppendsChars(StatementSyntax body)
    {
        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AppendChar" } })
            {
                return true;
            }
        }

        return false;
    }

    private static string? DeconstructedName(ExpressionSyntax left, int index)
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

    // The other side of == or !=: a secret-named variable or member, or a value read from a request header or query string.
    // Sentinels ("Bearer", "none") are compared far more often than secrets, so the value must look like one on its own.
    private static CredentialTarget Compared(ExpressionSyntax other, ExpressionSyntax value)
    {
        // Asked before anything else: most comparisons are with sentinels, and the request-header test reads the whole member.
        if (value is not LiteralExpressionSyntax literal || !CredentialValues.IsSecretShaped(literal.Token.ValueText))
        {
            return None;
        }

        var name = other switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is not null && ProductionReady.Detection.SecretNames.IsSecretName(name))
        {
            return Named(name);
        }

        return IsRequestValue(other) ? new CredentialTarget(name ?? "request value", false, CredentialKind.ApiKey, null, -1) : None;
    }

    // Request.Headers["X-Api-Key"], or a variable declared by Headers.TryGetValue(…, out var provided) / Query.TryGetValue(…).
    private static bool IsRequestValue(ExpressionSyntax value)
    {
        if (value is ElementAccessExpressionSyntax element)
        {
            return IsRequestCollection(element.Expression);
        }

        if (value is not IdentifierNameSyntax identifier || EnclosingMemberOrFunction(value) is not { } body)
        {
            return false;
        }

        var name = identifier.Identifier.ValueText;
        foreach (var node in body.DescendantNodes())
        {
            if (node is ArgumentSyntax { RefKindKeyword.ValueText: "out", Expression: DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single } }
                && single.Identifier.ValueText == name
                && node.Parent?.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue" } tryGet })
            {
                return IsRequestCollection(tryGet.Expression);
            }
        }

        return false;
    }

    private static bool IsRequestCollection(ExpressionSyntax collection)
    {
        var name = collection switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        return name == "Headers" || name == "Query" || name == "Cookies";
    }

    // The same method, lambda or top-level program says "Basic" (new AuthenticationHeaderValue("Basic", …), "Basic " + …).
    private static bool BuildsBasicHeader(SyntaxNode node)
    {
        if (EnclosingMemberOrFunction(node) is not { } body)
        {
            return false;
        }

        foreach (var token in body.DescendantTokens())
        {
            if ((token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                && token.ValueText.StartsWith("Basic", System.StringComparison.OrdinalIgnoreCase)
                && (token.ValueText.Length == 5 || token.ValueText[5] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxNode? EnclosingMemberOrFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case GlobalStatementSyntax global:
                    return global.Parent;
                case AnonymousFunctionExpressionSyntax:
                case MemberDeclarationSyntax:
                case LocalFunctionStatementSyntax:
                case AccessorDeclarationSyntax:
                    return current;
            }
        }

        return null;
    }

    /// <summary>True when the argument before this positional one is the same literal (new NetworkCredential("alerts", "alerts")).</summary>
    public bool FollowsEqualArgument(string value)
    {
        var arguments = ArgumentOwner switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is not null => creation.ArgumentList.Arguments,
            _ => default,
        };
        return ArgumentIndex > 0 && ArgumentIndex <= arguments.Count
            && arguments[ArgumentIndex - 1].Expression is LiteralExpressionSyntax previous
            && string.Equals(previous.Token.ValueText, value, System.StringComparison.OrdinalIgnoreCase);
    }

    private static CredentialTarget ConfigurationKey(string key) => new CredentialTarget(key, true, null, null, -1);

    private static CredentialTarget Direct(CredentialKind kind) => new CredentialTarget(null, false, kind, null, -1);

    private static CredentialTarget Positional(SyntaxNode owner, int index, TargetFlags flags = TargetFlags.None) => new CredentialTarget(null, false, null, owner, index, flags);

    private static CredentialTarget Assignee(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax identifier => Named(identifier.Identifier.ValueText),
        MemberAccessExpressionSyntax member => Named(member.Name.Identifier.ValueText),
        MemberBindingExpressionSyntax binding => Named(binding.Name.Identifier.ValueText),
        ElementAccessExpressionSyntax element => Indexer(element.ArgumentList) is { IsNone: false } keyed && CredentialKinds.OfConfigurationKey(keyed.Name, configurationFile: false) is not null
            ? keyed
            : CollectionNamed(element.Expression),
        ImplicitElementAccessSyntax element => Indexer(element.ArgumentList),
        _ => None,
    };

    // config["Jwt:Key"] = "…", new Dictionary<string, string?> { ["Jwt:Key"] = "…" }
    private static CredentialTarget Indexer(BracketedArgumentListSyntax? arguments)
        => arguments is { Arguments.Count: 1 } && StringValue(arguments.Arguments[0].Expression) is { } key ? ConfigurationKey(key) : None;

    // passwordsByHost["db1"] = "…": the key says nothing, the dictionary's name does.
    private static CredentialTarget CollectionNamed(ExpressionSyntax collection)
    {
        var name = collection switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };
        return name is not null && ProductionReady.Detection.SecretNames.IsSecretName(name) ? Named(name, TargetFlags.CollectionName) : None;
    }

    // { "Jwt:Key", "…" } and ("DB_PASSWORD", "…"): the value follows its key.
    private static CredentialTarget KeyValuePair(SeparatedSyntaxList<ExpressionSyntax> expressions, SyntaxNode value)
        => expressions.Count == 2 && expressions[1] == value && StringValue(expressions[0]) is { } key ? ConfigurationKey(key) : None;

    private static CredentialTarget Argument(ArgumentSyntax argument, bool bytes)
    {
        if (argument.NameColon is { } nameColon)
        {
            return Named(nameColon.Name.Identifier.ValueText);
        }

        if (argument.Parent is TupleExpressionSyntax tuple)
        {
            // var (demoUser, demoPassword) = ("demo@…", "…"): the element lands in the variable at the same place.
            if (tuple.Parent is AssignmentExpressionSyntax { Left: var deconstructed } deconstruction && deconstruction.Right == tuple
                && DeconstructedName(deconstructed, tuple.Arguments.IndexOf(argument)) is { } element)
            {
                return Named(element);
            }

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
        // Not after a command-line option's name: new Option<string>("--encryption-key", "<its description>").
        if (index == 1 && StringValue(list.Arguments[0].Expression) is { } key && key[0] != '-' && CredentialKinds.OfConfigurationKey(key, configurationFile: false) is not null)
        {
            return ConfigurationKey(key);
        }

        if (CreatedTypeName(list.Parent) is { } type)
        {
            // new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…")), new HMACSHA256("…"u8.ToArray()): key material.
            if (bytes && IsKeyType(type))
            {
                return Direct(CredentialKind.SigningKey);
            }

            // IdentityServer's new Secret("…".Sha256()), unless its Type says it is a certificate's thumbprint (public).
            if (index == 0 && (type == "Secret" || type == "ClientSecret"))
            {
                return list.Parent is BaseObjectCreationExpressionSyntax { Initializer: { } initializer } && SiblingMembers.NamesPublicValue(initializer)
                    ? None
                    : Direct(CredentialKind.ClientSecret);
            }

            // new AuthenticationHeaderValue("Basic", "<base64 of user:password>").
            if (index == 1 && type == "AuthenticationHeaderValue" && list.Arguments[0].Expression is LiteralExpressionSyntax scheme
                && string.Equals(scheme.Token.ValueText, "Basic", System.StringComparison.OrdinalIgnoreCase))
            {
                return Direct(CredentialKind.BasicCredentials);
            }

            // new BasicAWSCredentials("AKIA…", "…"); with an access key that is not AWS's (LocalStack's "test"), an emulator's.
            if (index == 1 && type.EndsWith("AWSCredentials", System.StringComparison.Ordinal))
            {
                return list.Arguments[0].Expression is LiteralExpressionSyntax accessKey && !CredentialValues.IsAwsAccessKeyId(accessKey.Token.ValueText)
                    ? None
                    : Direct(CredentialKind.AwsSecretAccessKey);
            }
        }

        return Positional(list.Parent, index, bytes ? TargetFlags.Bytes : TargetFlags.None);
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

        if (argument.Parent is not AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list)
        {
            return None;
        }

        // [DefaultValue("…")] on a Password property: the default is the value.
        var attributeName = RightmostName(attribute.Name);
        if (list.Arguments.Count == 1 && (attributeName == "DefaultValue" || attributeName == "DefaultValueAttribute"))
        {
            return attribute.Parent?.Parent switch
            {
                PropertyDeclarationSyntax property => Named(property.Identifier.ValueText),
                ParameterSyntax parameter => Named(parameter.Identifier.ValueText),
                _ => None,
            };
        }

        return Positional(attribute, list.Arguments.IndexOf(argument));
    }

    /// <summary>The parameter a positional argument binds to, through the semantic model.</summary>
    public string? ResolveParameterName(SemanticModel model, System.Threading.CancellationToken cancellationToken)
        => ResolveParameter(model, cancellationToken)?.Name;

    /// <summary>The parameter a positional argument binds to, through the semantic model.</summary>
    public IParameterSymbol? ResolveParameter(SemanticModel model, System.Threading.CancellationToken cancellationToken)
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
            return parameters[ArgumentIndex];
        }

        var last = parameters[parameters.Length - 1];
        return last.IsParams ? last : null;
    }

    /// <summary>True for the key types of System.Security.Cryptography and Microsoft.IdentityModel.Tokens.</summary>
    public static bool IsKeyType(string type)
        => type.EndsWith("SecurityKey", System.StringComparison.Ordinal) || type.StartsWith("HMAC", System.StringComparison.Ordinal);

    private static bool IsBytesConversion(string name)
        => name == "GetBytes" || name == "FromBase64String" || name == "FromHexString";

    // The type of new T(…), or of a target-typed new(…) where the declaration next to it names the type.
    private static string? CreatedTypeName(SyntaxNode creation)
    {
        if (creation is ObjectCreationExpressionSyntax explicitCreation)
        {
            return RightmostName(explicitCreation.Type);
        }

        if (creation is not ImplicitObjectCreationExpressionSyntax)
        {
            return null;
        }

        var type = creation.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => declaration.Type,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
            ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => method.ReturnType,
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
            ReturnStatementSyntax @return => (EnclosingMember(@return) as MethodDeclarationSyntax)?.ReturnType,
            _ => null,
        };
        return type is null || type.IsVar ? null : RightmostName(type is NullableTypeSyntax nullable ? nullable.ElementType : type);
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
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
            if (char.IsWhiteSpace(c) || c == '=' || c == '*')
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

/// <summary>How a value reaches its credential target.</summary>
[System.Flags]
internal enum TargetFlags
{
    None = 0,

    /// <summary>A constant (const or static readonly): its value may be the name of a field or key.</summary>
    NameConstant = 1,

    /// <summary>Only the collection's name says it holds secrets: the value must look like one on its own.</summary>
    CollectionName = 2,

    /// <summary>The value is turned into bytes on its way (u8 literal, GetBytes, FromHexString).</summary>
    Bytes = 4,
}
