using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD010: a variable, parameter, field or property named like a credential passed to a log call
/// (<c>ILogger.Log*</c> of Microsoft.Extensions.Logging, Serilog's <c>Information</c>/<c>Error</c>/…), as a
/// structured argument or inside the message: interpolated, concatenated (<c>"conn " + connectionString</c>) or
/// formatted (<c>string.Format</c>, <c>string.Concat</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LoggedCredentialAnalyzer : ProductionReadyAnalyzer
{
    private static readonly ImmutableHashSet<string> SerilogMethods = ImmutableHashSet.Create(
        "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "Write");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CredentialLogged);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var hasLogging = ReferencedAssemblies.Contains(compilation, "Microsoft.Extensions.Logging.Abstractions");
            var hasSerilog = ReferencedAssemblies.Contains(compilation, "Serilog");
            if (hasLogging || hasSerilog)
            {
                start.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!IsLogCall(invocation.TargetMethod))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType != SpecialType.System_String
                && argument.ArgumentKind != ArgumentKind.ParamArray
                && argument.Parameter?.Type is not ITypeParameterSymbol)
            {
                continue;
            }

            foreach (var value in LoggedValues(argument.Value))
            {
                // A constant is a name or a fixed text (const string HostWebClientKey = "hostwebclient"): a credential
                // written as one is PRD001's, where it is declared.
                if (!value.ConstantValue.HasValue && NameOf(value) is { } name && !CannotHoldSecret(value.Type)
                    && CredentialKinds.OfLoggedIdentifier(name) is { } kind
                    && !(kind == CredentialKind.ConnectionString && IsBuiltWithoutPassword(value)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.CredentialLogged, value.Syntax.GetLocation(), name, kind.WithArticle()));
                }
            }
        }
    }

    // A connection string the same member builds with a …ConnectionStringBuilder that is never given a password
    // (Jellyfin's SqliteConnectionStringBuilder from a path, a cache mode and a timeout): nothing in it is a secret.
    private static bool IsBuiltWithoutPassword(IOperation value) => value switch
    {
        ILocalReferenceOperation local => BuiltConnectionStrings.CarriesNoPassword(local.Local),
        IPropertyReferenceOperation { Instance: ILocalReferenceOperation builder } property
            => BuiltConnectionStrings.IsPasswordlessBuilderText(builder.Local, property.Property.Name),
        _ => false,
    };

    private static bool IsLogCall(IMethodSymbol method)
    {
        var type = method.ContainingType;
        var ns = type?.ContainingNamespace?.ToDisplayString();
        if (ns == "Microsoft.Extensions.Logging")
        {
            return method.Name.StartsWith("Log", System.StringComparison.Ordinal) && (type!.Name == "LoggerExtensions" || type.Name == "ILogger");
        }

        return (ns == "Serilog" && (type!.Name == "ILogger" || type.Name == "Log")) && SerilogMethods.Contains(method.Name);
    }

    // The values a log argument carries: params array elements, interpolation holes, the operands of a
    // concatenation ("conn " + connectionString), the arguments of string.Format/Concat/Join, the value itself.
    private static System.Collections.Generic.IEnumerable<IOperation> LoggedValues(IOperation value)
    {
        var pending = new System.Collections.Generic.Stack<IOperation>();
        pending.Push(value);
        while (pending.Count > 0)
        {
            var current = Unwrap(pending.Pop());
            switch (current)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    PushAll(pending, initializer.ElementValues);
                    break;
                case ICollectionExpressionOperation collection:
                    // string.Join(";", a, b) binds to params ReadOnlySpan<string?> on .NET 9 and later.
                    PushAll(pending, collection.Elements);
                    break;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole)
                        {
                            pending.Push(hole.Expression);
                        }
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    pending.Push(concatenation.RightOperand);
                    pending.Push(concatenation.LeftOperand);
                    break;
                case ICoalesceOperation coalesce:
                    pending.Push(coalesce.WhenNull);
                    pending.Push(coalesce.Value);
                    break;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    pending.Push(whenFalse);
                    pending.Push(conditional.WhenTrue);
                    break;
                case IInvocationOperation invocation when FormatsItsArguments(invocation.TargetMethod):
                    for (var i = invocation.Arguments.Length - 1; i >= 0; i--)
                    {
                        pending.Push(invocation.Arguments[i].Value);
                    }

                    break;
                case IInvocationOperation { TargetMethod: { Name: "ToString", Parameters.Length: 0 }, Instance: { } instance }:
                    pending.Push(instance);
                    break;
                default:
                    yield return current;
                    break;
            }
        }
    }

    private static void PushAll(System.Collections.Generic.Stack<IOperation> pending, ImmutableArray<IOperation> values)
    {
        for (var i = values.Length - 1; i >= 0; i--)
        {
            pending.Push(values[i]);
        }
    }

    // string.Format("key {0}", apiKey), string.Concat("conn ", connectionString), string.Join(", ", user, password):
    // the result carries each argument's text.
    private static bool FormatsItsArguments(IMethodSymbol method)
        => method.IsStatic
            && method.ContainingType?.SpecialType == SpecialType.System_String
            && method.Name is "Format" or "Concat" or "Join";

    /// <summary>
    /// True for types whose values cannot be a secret: <c>bool validateToken</c>, <c>int passwordLength</c>, an enum
    /// <c>TokenKind</c>, <c>DateTimeOffset tokenExpiry</c> (and their nullable forms). Strings, byte arrays, GUIDs and
    /// objects can carry one.
    /// </summary>
    internal static bool CannotHoldSecret(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is null)
        {
            return false;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.ContainingNamespace?.ToDisplayString() == "System"
            && type.Name is "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "Half" or "Int128" or "UInt128";
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static string? NameOf(IOperation value) => value switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        _ => null,
    };
}
