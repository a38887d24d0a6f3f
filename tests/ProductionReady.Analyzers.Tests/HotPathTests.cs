using System.Reflection;

namespace ProductionReady.Analyzers.Tests;

/// <summary>
/// PRD001 judges every string literal of a code base. In the cost harness on real code (issue 21) the runtime never
/// promoted its methods from their first, unoptimized compilation (tier 0) however often they ran, so the methods run
/// on every literal are compiled optimized at once (src/Shared/Detection/HotPath.cs); the runtime package's copy of
/// the shared detection code is left to the runtime's own tiered compilation.
/// </summary>
public sealed class HotPathTests
{
    private static readonly Assembly Analyzers = typeof(HardcodedCredentialAnalyzer).Assembly;

    private static readonly Assembly Runtime = typeof(ProductionReady.ProductionReadyOptions).Assembly;

    /// <summary>The steps every literal (or every literal long enough to judge) goes through.</summary>
    public static TheoryData<string, string> PerLiteralMethods => new()
    {
        { "ProductionReady.Analyzers.HardcodedCredentialAnalyzer+Callbacks", "AnalyzeLiteral" },
        { "ProductionReady.Analyzers.HardcodedCredentialAnalyzer+Callbacks", "AnalyzeInterpolatedString" },
        { "ProductionReady.Analyzers.HardcodedCredentialAnalyzer+Callbacks", "Report" },
        { "ProductionReady.Analyzers.LiteralCredentialJudge", "JudgeLiteral" },
        { "ProductionReady.Analyzers.LiteralCredentialJudge", "Judge" },
        { "ProductionReady.Analyzers.CredentialsInText", "Find" },
        { "ProductionReady.Analyzers.LiteralTargets", "Find" },
        { "ProductionReady.Analyzers.SecretShape", "IsSecretShaped" },
        { "ProductionReady.Detection.TokenFormats", "Find" },
        { "ProductionReady.Detection.TokenFormats+PrefixIndex", "PrefixesIn" },
        { "ProductionReady.Detection.CredentialLocator", "FindPassword" },
        { "ProductionReady.Detection.WeakSecrets", "IsKnownWeak" },
    };

    [Theory]
    [MemberData(nameof(PerLiteralMethods))]
    public void A_step_run_on_every_literal_is_compiled_optimized_in_the_analyzers(string type, string name)
        => Assert.All(Methods(Analyzers, type, name), method => Assert.True(
            method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization),
            $"{type}.{name} is not marked [MethodImpl(HotPath.Options)] or the analyzers lost PRODUCTIONREADY_ANALYZERS."));

    [Fact]
    public void The_runtime_leaves_its_copy_of_the_detection_code_to_tiered_compilation()
    {
        var detection = Runtime.GetTypes().Where(t => t.Namespace == "ProductionReady.Detection").ToList();
        Assert.Contains(detection, t => t.Name == "TokenFormats");
        Assert.All(
            detection.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)),
            method => Assert.False(method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization), $"{method.DeclaringType}.{method.Name}"));
    }

    private static List<MethodInfo> Methods(Assembly assembly, string type, string name)
    {
        var methods = (assembly.GetType(type) ?? throw new InvalidOperationException(type + " is not in " + assembly.GetName().Name))
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name == name)
            .ToList();
        Assert.NotEmpty(methods);
        return methods;
    }
}
