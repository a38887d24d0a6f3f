using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>Symbol and invocation helpers the rules share.</summary>
internal static class Symbols
{
    /// <summary>True when <paramref name="type"/> is, derives from or implements <paramref name="target"/>.</summary>
    public static bool Implements(ITypeSymbol type, INamedTypeSymbol target)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type a call is made on: the instance, or the <c>this</c> argument of an extension method.</summary>
    public static ITypeSymbol? ReceiverType(IInvocationOperation invocation)
        => invocation.TargetMethod.IsExtensionMethod
            ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null)
            : invocation.Instance?.Type;

    /// <summary>Where to report on a call: its method name (<c>AddNpgSql</c>, <c>AddOptions&lt;T&gt;</c>), else the whole call.</summary>
    public static Location NameLocation(IInvocationOperation invocation)
        => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
            ? member.Name.GetLocation()
            : invocation.Syntax.GetLocation();
}
