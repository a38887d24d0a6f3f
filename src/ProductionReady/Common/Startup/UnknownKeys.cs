using System.Collections;
using System.Reflection;

namespace ProductionReady.Common;

/// <summary>
/// Keys under the <c>ProductionReady</c> section that no option reads: a typo (<c>Health:LivePth</c>,
/// <c>Metrics:Prot</c>) would otherwise keep the default silently. Each is reported with the nearest key that
/// exists. Only sections some registered capability reads are judged (the root's own keys once
/// <c>AddProductionReady()</c> registered the root), so a key of a package that is not referenced is not refused
/// for that alone. It walks the options types' properties by reflection, so it runs only where the app has its
/// metadata whole (not in a Native AOT app, where trimming may drop property metadata the binder does not need).
/// </summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Runs only where dynamic code is supported (not Native AOT); see the summary.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Runs only where dynamic code is supported (not Native AOT); see the summary.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2080", Justification = "Runs only where dynamic code is supported (not Native AOT); see the summary.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Runs only where dynamic code is supported (not Native AOT); see the summary.")]
internal static class UnknownKeys
{
    private const string Root = "ProductionReady";

    public static IEnumerable<ConfigurationProblem> Find(IConfiguration configuration, IReadOnlyCollection<(Type Type, string Section)> known)
    {
        var section = configuration.GetSection(Root);
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported || !section.Exists() || known.Count == 0)
        {
            yield break;
        }

        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in section.AsEnumerable())
        {
            if (value is null)
            {
                continue;
            }

            // The longest known section the key is in; a key in none is a capability this app did not register.
            var owner = known
                .Where(k => key.Equals(k.Section, StringComparison.OrdinalIgnoreCase) || key.StartsWith(k.Section + ":", StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(k => k.Section.Length)
                .FirstOrDefault();
            if (owner.Type is null || key.Length == owner.Section.Length)
            {
                continue;
            }

            var segments = key[(owner.Section.Length + 1)..].Split(':');
            if (FirstUnknown(owner.Type, segments) is { } unknown)
            {
                var unknownKey = owner.Section + ":" + string.Join(':', segments.Take(unknown.Depth + 1));
                if (reported.Add(unknownKey))
                {
                    var meant = unknown.Nearest is not null ? $"{unknownKey[..unknownKey.LastIndexOf(':')]}:{unknown.Nearest}"
                        : unknown.Depth == 0 ? InAnotherSection(known, owner.Section, segments[0]) : null;
                    var nearest = meant is null ? string.Empty : $"did you mean {meant}? ";
                    yield return new ConfigurationProblem(unknownKey, $"is not a setting ProductionReady reads, so it would be ignored and the default kept: {nearest}Correct the key, or remove it.");
                }
            }
        }
    }

    // A setting written under the wrong capability (or under the one it used to belong to): the same name
    // directly under another capability's section.
    private static string? InAnotherSection(IReadOnlyCollection<(Type Type, string Section)> known, string section, string name) =>
        known
            .Where(k => !k.Section.Equals(section, StringComparison.OrdinalIgnoreCase))
            .Select(k => (k.Section, Property: k.Type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)))
            .Where(k => k.Property is not null && IsLeafOrList(k.Property.PropertyType))
            .Select(k => k.Section + ":" + k.Property!.Name)
            .FirstOrDefault();

    private static bool IsLeafOrList(Type type) => IsLeaf(Nullable.GetUnderlyingType(type) ?? type) || ElementType(type, out _) is not null;

    // The first segment the type tree has no place for, and the nearest name there is at that level.
    private static (int Depth, string? Nearest)? FirstUnknown(Type type, string[] segments)
    {
        var current = type;
        for (var depth = 0; depth < segments.Length; depth++)
        {
            current = Nullable.GetUnderlyingType(current) ?? current;
            var segment = segments[depth];
            if (IsLeaf(current))
            {
                // A value with children where a single value is read: the children are ignored.
                return (depth, null);
            }

            if (ElementType(current, out var keyed) is { } element)
            {
                if (!keyed && !int.TryParse(segment, out _))
                {
                    return (depth, null);
                }

                current = element;
                continue;
            }

            var property = current.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || property.GetIndexParameters().Length > 0)
            {
                return (depth, Nearest(segment, current.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)));
            }

            current = property.PropertyType;
        }

        return null;
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) ||
        type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Uri) || type == typeof(Guid) || type == typeof(object);

    // The element type of a list, array or dictionary (keyed: a dictionary, whose keys are free).
    private static Type? ElementType(Type type, out bool keyed)
    {
        keyed = false;
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        foreach (var candidate in type.GetInterfaces().Append(type).Where(i => i.IsGenericType))
        {
            var definition = candidate.GetGenericTypeDefinition();
            if (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            {
                keyed = true;
                return candidate.GetGenericArguments()[1];
            }
        }

        foreach (var candidate in type.GetInterfaces().Append(type).Where(i => i.IsGenericType))
        {
            if (candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            {
                return candidate.GetGenericArguments()[0];
            }
        }

        return typeof(object);
    }

    private static string? Nearest(string written, IEnumerable<string> names)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in names)
        {
            var distance = Distance(written.ToUpperInvariant(), name.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        // Far from every name: no guess is better than a wrong one.
        return bestDistance <= Math.Max(2, written.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
