namespace ProductionReady.Logging;

/// <summary>
/// The texts this thread last found clean (no secret in them), remembered by reference for one snapshot of the known
/// secret values. An event is searched twice on its way out: by <see cref="MaskingLogger"/> in front of every provider,
/// then by <see cref="LogEventStage"/>, which must also see what enrichers, scopes and destructuring added. Most of its
/// strings are the very same instances both times (the request id, the template, the hosting scope's values), and
/// many recur from event to event (templates, categories, event names, the service's identity). A string cannot
/// change, so one that was searched against the same known values needs no second search: a reference comparison.
/// </summary>
/// <remarks>
/// Per thread, so it needs no lock; an event that crosses threads is simply searched again. Only clean texts are
/// kept (never a secret), only a few (a ring), and a new snapshot of the known values (the secret validation found
/// more) forgets them all.
/// </remarks>
internal static class CleanTexts
{
    /// <summary>Shorter texts cost less to search than to look up (the credential formats are not searched in them at all).</summary>
    public const int MinimumLength = 16;

    // A power of two: a completion event and its hosting scope bring about ten texts of this length.
    private const int Capacity = 32;

    [ThreadStatic]
    private static Ring? t_ring;

    /// <summary>True when this thread found this very instance clean against <paramref name="knownValues"/>.</summary>
    public static bool Contains(string text, object knownValues)
    {
        var ring = t_ring;
        if (ring is null || !ReferenceEquals(ring.KnownValues, knownValues))
        {
            return false;
        }

        foreach (var clean in ring.Texts)
        {
            if (ReferenceEquals(clean, text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Remembers that <paramref name="text"/> holds nothing to mask against <paramref name="knownValues"/>.</summary>
    public static void Remember(string text, object knownValues)
    {
        var ring = t_ring ??= new Ring();
        if (!ReferenceEquals(ring.KnownValues, knownValues))
        {
            Array.Clear(ring.Texts);
            ring.KnownValues = knownValues;
            ring.Next = 0;
        }

        ring.Texts[ring.Next] = text;
        ring.Next = (ring.Next + 1) & (Capacity - 1);
    }

    private sealed class Ring
    {
        public readonly string?[] Texts = new string?[Capacity];
        public object? KnownValues;
        public int Next;
    }
}
