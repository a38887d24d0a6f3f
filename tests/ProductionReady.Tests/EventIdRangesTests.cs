using System.Reflection;

namespace ProductionReady.Tests;

/// <summary>
/// One EventId range per capability (listed in ARCHITECTURE.md), so an id says where an event comes from and no
/// two events share one: every <c>[LoggerMessage]</c> and every static <see cref="EventId"/> of the runtime assembly.
/// </summary>
public sealed class EventIdRangesTests
{
    // The ranges of ARCHITECTURE.md, by the namespace (= folder) the event is declared in.
    private static readonly Dictionary<string, int> RangeStart = new()
    {
        ["ProductionReady.Common"] = 1000,
        ["ProductionReady.Health"] = 2000,
        ["ProductionReady.Secrets"] = 3000,
        ["ProductionReady.Logging"] = 4000,
        ["ProductionReady.SecurityHeaders"] = 5000,
        ["ProductionReady.RateLimits"] = 6000,
        ["ProductionReady.ForwardedHeaders"] = 7000,
        ["ProductionReady.Cors"] = 8000,
        ["ProductionReady.Metrics"] = 9000,
        ["ProductionReady.Info"] = 11000,
        ["ProductionReady.SecurityEvents"] = 12000,
        ["ProductionReady.Resilience"] = 13000,
    };

    private static List<(string Where, string Namespace, int Id)> EventIds()
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var found = new List<(string, string, int)>();
        foreach (var type in typeof(ProductionReadyOptions).Assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(All))
            {
                if (method.GetCustomAttribute<LoggerMessageAttribute>() is { } message)
                {
                    found.Add(($"{type.Name}.{method.Name}", type.Namespace ?? string.Empty, message.EventId));
                }
            }

            foreach (var field in type.GetFields(All))
            {
                if (field.IsStatic && field.FieldType == typeof(EventId) && !type.IsGenericTypeDefinition)
                {
                    found.Add(($"{type.Name}.{field.Name}", type.Namespace ?? string.Empty, ((EventId)field.GetValue(null)!).Id));
                }
            }
        }

        return found;
    }

    [Fact]
    public void Every_event_id_is_in_its_capabilitys_range_and_none_repeats()
    {
        var events = EventIds();

        Assert.True(events.Count >= 25, $"only {events.Count} event ids found: the reflection misses some");
        Assert.All(events, e =>
        {
            Assert.True(RangeStart.TryGetValue(e.Namespace, out var start), $"{e.Where} is in {e.Namespace}, which has no EventId range in ARCHITECTURE.md");
            Assert.True(e.Id >= start && e.Id < start + 1000, $"{e.Where} has EventId {e.Id}, outside {e.Namespace}'s range {start}-{start + 999}");
        });
        var repeated = events.GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Where))}");
        Assert.Empty(repeated);
    }
}
