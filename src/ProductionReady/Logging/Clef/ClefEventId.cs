namespace ProductionReady.Logging.Clef;

/// <summary>
/// The <c>@i</c> event id of CLEF's rendered form: a 32-bit Jenkins one-at-a-time hash of the message
/// template text, written as eight lower-case hex digits, so that events of one template group together
/// once the template itself is no longer in the line.
/// </summary>
internal static class ClefEventId
{
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
}
