using System.Globalization;
using System.Runtime.CompilerServices;
using Serilog.Events;

namespace ProductionReady.Logging.Clef;

/// <summary>
/// The <c>@i</c> event id of CLEF's rendered form: a 32-bit Jenkins one-at-a-time hash of the message
/// template text, written as eight lower-case hex digits, so that events of one template group together
/// once the template itself is no longer in the line.
/// </summary>
internal static class ClefEventId
{
    /// <summary>The hex id of <paramref name="template"/>'s text, as <c>@i</c> writes it.</summary>
    public static string Format(MessageTemplate template) => Compute(template.Text).ToString("x8", CultureInfo.InvariantCulture);

    public static uint Compute(string messageTemplate)
    {
        uint hash = 0;
        foreach (var c in messageTemplate)
        {
            unchecked
            {
                hash += c;
                hash += hash << 10;
                hash ^= hash >> 6;
            }
        }

        unchecked
        {
            hash += hash << 3;
            hash ^= hash >> 11;
            hash += hash << 15;
        }

        return hash;
    }

    /// <summary>
    /// The ids of recently seen templates, so a steady stream of events hashes and formats nothing: parsed
    /// templates are cached and shared by Serilog, so the template instance is the key. Direct-mapped and
    /// lock-free; a miss costs one small entry.
    /// </summary>
    internal sealed class Cache
    {
        private const int Slots = 256;
        private readonly Entry?[] _entries = new Entry?[Slots];

        public string Get(MessageTemplate template)
        {
            var slot = RuntimeHelpers.GetHashCode(template) & (Slots - 1);
            var entry = Volatile.Read(ref _entries[slot]);
            if (entry is null || !ReferenceEquals(entry.Template, template))
            {
                entry = new Entry(template, Format(template));
                Volatile.Write(ref _entries[slot], entry);
            }

            return entry.Id;
        }

        private sealed record Entry(MessageTemplate Template, string Id);
    }
}
