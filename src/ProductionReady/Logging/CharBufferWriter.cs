using System.Text;

namespace ProductionReady.Logging;

/// <summary>
/// A reusable in-memory <see cref="TextWriter"/>: one event is formatted into it, then handed to the
/// destination in one write. Cleared, not reallocated, between events.
/// </summary>
internal sealed class CharBufferWriter : TextWriter
{
    private const int InitialCapacity = 1024;

    // A buffer grown by one huge event is given back afterwards instead of being held forever.
    private const int RetainedCapacity = 64 * 1024;

    private char[] _buffer = new char[InitialCapacity];
    private int _length;

    public CharBufferWriter()
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Encoding.Unicode;

    public ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

    public void Reset()
    {
        _length = 0;
        if (_buffer.Length > RetainedCapacity)
        {
            _buffer = new char[InitialCapacity];
        }
    }

    public override void Write(char value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_buffer.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(char[]? buffer) => Write(buffer.AsSpan());

    private void Grow(int needed)
    {
        var capacity = Math.Max(_buffer.Length * 2, _length + needed);
        Array.Resize(ref _buffer, capacity);
    }
}
