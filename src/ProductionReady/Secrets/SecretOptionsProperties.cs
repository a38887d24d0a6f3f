using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ProductionReady.Secrets;

/// <summary>One <see cref="SecretAttribute"/>-annotated property of an options type.</summary>
internal sealed record SecretProperty(string Name, SecretAttribute Attribute, Func<object, string?> Read);

/// <summary>
/// The <see cref="SecretAttribute"/> properties of each options type (found once per type), and the
/// options instances ProductionReady's validation has already judged, so that the attribute, when it
/// runs again through DataAnnotations or the source generator, defers to the startup report.
/// </summary>
/// <remarks>
/// Trimming and Native AOT: the options types are the app's, seen here only at run time, so nothing here can
/// annotate them. The analyzers package's <c>SecretOptionsGenerator</c> does it in the app: for every type that
/// declares a <see cref="SecretAttribute"/> property it emits a <see cref="DynamicDependencyAttribute"/> that keeps
/// the type's public properties and fields (and so their attributes) for this reflection.
/// </remarks>
internal static class SecretOptionsProperties
{
    private static readonly ConcurrentDictionary<Type, SecretProperty[]> ByType = new();

    // Keyed by instance, not by type or host: two hosts in one process never see each other's marks,
    // and a new instance after a configuration reload is judged again.
    private static readonly ConditionalWeakTable<object, object> Handled = new();

    public static SecretProperty[] Of(Type type) => ByType.GetOrAdd(type, Discover);

    public static void MarkHandled(object instance) => Handled.AddOrUpdate(instance, Handled);

    public static bool IsHandled(object? instance) => instance is not null && Handled.TryGetValue(instance, out _);

    /// <summary>
    /// The configuration section an options type declares by convention: a public constant or static
    /// property named <c>SectionName</c> (as ProductionReady's own options do).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Kept by the SecretOptionsGenerator's DynamicDependency on every type that declares a [Secret] property; other types need no SectionName.")]
    public static string? SectionNameOf(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        return type.GetField("SectionName", flags)?.GetValue(null) as string
            ?? type.GetProperty("SectionName", flags)?.GetValue(null) as string;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Kept by the SecretOptionsGenerator's DynamicDependency on every type that declares a [Secret] property; a type without one has nothing to find.")]
    private static SecretProperty[] Discover(Type type)
    {
        var found = new List<SecretProperty>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<SecretAttribute>() is { } attribute && property.GetIndexParameters().Length == 0 && property.CanRead)
            {
                found.Add(new SecretProperty(property.Name, attribute, o => property.GetValue(o) as string));
            }
        }

        return found.ToArray();
    }
}
