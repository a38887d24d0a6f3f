using System.Text;

namespace ProductionReady.Logging;

/// <summary>
/// Where batches of formatted lines go: the process's standard output as a raw byte stream (UTF-8, no
/// console writer in between, so nothing else that uses <see cref="Console.Out"/> waits behind a stalled
/// pipe), or a writer of the host's choosing (tests). Only the log writer thread calls <see cref="Write"/>.
/// </summary>
internal sealed class LogDestination
{
    // Whole lines, at most this many bytes per write(2): a pipe takes such a write entirely or not at all
    // (PIPE_BUF), so a process that ends while stdout is stalled never leaves half a line in the pipe.
    private const int PipeAtomicBytes = 4096;

    private readonly TextWriter? _writer;
    private readonly Lock _sync = new();
    private Stream? _stdout;
    private byte[]? _bytes;

    private LogDestination(TextWriter? writer) => _writer = writer;

    /// <summary>The process's standard output.</summary>
    public static LogDestination Stdout { get; } = new(null);

    /// <summary>A destination writing to <paramref name="writer"/>.</summary>
    public static LogDestination To(TextWriter writer) => new(writer ?? throw new ArgumentNullException(nameof(writer)));

    /// <summary>Writes one or more complete lines and flushes them. Blocks as long as the destination does.</summary>
    public void Write(ReadOnlySpan<char> lines)
    {
        if (_writer is not null)
        {
            lock (_writer)
            {
                _writer.Write(lines);
                _writer.Flush();
            }

            return;
        }

        // Two hosts in one process (tests) may share stdout.
        lock (_sync)
        {
            var stdout = _stdout ??= Console.OpenStandardOutput();
            var bytes = _bytes ??= new byte[PipeAtomicBytes];
            var pending = 0;
            while (!lines.IsEmpty)
            {
                var end = lines.IndexOf('\n');
                var line = end < 0 ? lines : lines[..(end + 1)];
                lines = lines[line.Length..];
                var size = Encoding.UTF8.GetByteCount(line);
                if (pending > 0 && pending + size > bytes.Length)
                {
                    stdout.Write(bytes, 0, pending);
                    pending = 0;
                }

                if (size > bytes.Length)
                {
                    // One line longer than the atomic size: written on its own.
                    stdout.Write(Encoding.UTF8.GetBytes(line.ToString()));
                    continue;
                }

                pending += Encoding.UTF8.GetBytes(line, bytes.AsSpan(pending));
            }

            if (pending > 0)
            {
                stdout.Write(bytes, 0, pending);
            }

            stdout.Flush();
        }
    }
}
