namespace ProductionReady.Logging;

/// <summary>
/// Where formatted lines go: the process's stdout (<see cref="Console.Out"/>, resolved at each write so a
/// redirected console is honoured), or a writer of the host's choosing (tests). Each event reaches it as one
/// complete write followed by a flush, so lines never interleave with other writers of the console and
/// nothing waits in a buffer.
/// </summary>
/// <remarks>
/// Writing is synchronous: when stdout is slower than the producers (a full pipe, a slow collector), the
/// write blocks and so do the threads that log, which is backpressure rather than loss or unbounded memory.
/// </remarks>
internal sealed class LogDestination
{
    private readonly TextWriter? _writer;

    private LogDestination(TextWriter? writer) => _writer = writer;

    /// <summary>The process's standard output.</summary>
    public static LogDestination Stdout { get; } = new(null);

    /// <summary>A destination writing to <paramref name="writer"/>.</summary>
    public static LogDestination To(TextWriter writer) => new(writer ?? throw new ArgumentNullException(nameof(writer)));

    /// <summary>Writes one or more complete lines and flushes them.</summary>
    public void Write(ReadOnlySpan<char> lines)
    {
        var writer = _writer ?? Console.Out;

        // Console.Out is a synchronized writer: one call is one atomic write with respect to other users
        // of the console. A custom writer is locked the same way.
        lock (writer)
        {
            writer.Write(lines);
            writer.Flush();
        }
    }

    /// <summary>Flushes whatever the destination's writer still holds.</summary>
    public void Flush()
    {
        var writer = _writer ?? Console.Out;
        lock (writer)
        {
            writer.Flush();
        }
    }
}
