using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ProductionReady.Analyzers;

/// <summary>
/// PRD007: an options class with <c>[ProductionReady.Secret]</c> properties registered
/// (<c>AddOptions&lt;T&gt;</c>, <c>Configure&lt;T&gt;</c>) while nothing in the compilation calls
/// <c>ValidateOnStart()</c> for it (nor <c>AddOptionsWithValidateOnStart&lt;T&gt;</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretOptionsValidationAnalyzer : ProductionReadyAnalyzer
{
    /// <summary>The attribute's metadata name: matched by name, the analyzers do not reference the runtime.</summary>
    internal const string SecretAttributeName = "ProductionReady.SecretAttribute";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SecretOptionsNotValidatedOnStart);

    /// <inheritdoc />
    protected override void Register(AnalysisContext context)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var secretAttribute = ReferencedAssemblies.GetType(start.Compilation, "ProductionReady", SecretAttributeName);
            if (secretAttribute is null)
            {
                return;
            }

            var state = new State(secretAttribute);
            start.RegisterOperationAction(c => AnalyzeInvocation(c, state), OperationKind.Invocation);
            start.RegisterCompilationEndAction(c => Report(c, state));
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, State state)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "ValidateOnStart":
                // OptionsBuilder<T>.ValidateOnStart(): the receiver says which options.
                if (OptionsTypeOf(invocation) is { } validated)
                {
                    state.Validated.TryAdd(validated, true);
                }

                break;
            case "AddOptionsWithValidateOnStart" when method.TypeArguments.Length >= 1:
                state.Validated.TryAdd(method.TypeArguments[0], true);
                break;
            case "AddOptions" or "Configure" when method.TypeArguments.Length == 1 && IsOnServiceCollection(method):
                var options = method.TypeArguments[0];
                if (state.HasSecrets(options))
                {
                    state.Registrations.Add((options, Symbols.NameLocation(invocation)));
                }

                break;
        }
    }

    private static void Report(CompilationAnalysisContext context, State state)
    {
        foreach (var (options, location) in state.Registrations)
        {
            if (!state.Validated.ContainsKey(options))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretOptionsNotValidatedOnStart, location, options.Name));
            }
        }
    }

    private static ITypeSymbol? OptionsTypeOf(IInvocationOperation invocation)
    {
        return Symbols.ReceiverType(invocation) is INamedTypeSymbol { Name: "OptionsBuilder", TypeArguments.Length: 1 } builder ? builder.TypeArguments[0] : null;
    }

    private static bool IsOnServiceCollection(IMethodSymbol method)
    {
        var first = method.ReducedFrom?.Parameters.Length > 0 ? method.ReducedFrom.Parameters[0].Type
            : method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type
            : null;
        return first is { Name: "IServiceCollection" };
    }

    private sealed class State
    {
        private readonly INamedTypeSymbol _secretAttribute;
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _hasSecrets = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        public State(INamedTypeSymbol secretAttribute) => _secretAttribute = secretAttribute;

        public ConcurrentDictionary<ITypeSymbol, bool> Validated { get; } = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        public ConcurrentBag<(ITypeSymbol Options, Location Location)> Registrations { get; } = new ConcurrentBag<(ITypeSymbol, Location)>();

        public bool HasSecrets(ITypeSymbol options) => _hasSecrets.GetOrAdd(options, ComputeHasSecrets);

        private bool ComputeHasSecrets(ITypeSymbol options)
        {
            for (var type = options; type is not null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is not IPropertySymbol property)
                    {
                        continue;
                    }

                    foreach (var attribute in property.GetAttributes())
                    {
                        for (var attributeType = attribute.AttributeClass; attributeType is not null; attributeType = attributeType.BaseType)
                        {
                            if (SymbolEqualityComparer.Default.Equals(attributeType, _secretAttribute))
                            {
                                return true;
                            }
                        }
                    }
                }
            }

            return false;
        }
    }
}
