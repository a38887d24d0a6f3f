using System.Buffers.Binary;
using System.Text;

namespace ProductionReady.IntegrationTests.Infrastructure;

/// <summary>
/// A log record as an OTLP collector receives it, decoded from the protobuf body of <c>/v1/logs</c>
/// (opentelemetry/proto/collector/logs/v1 ExportLogsServiceRequest) by a minimal wire-format reader: the
/// proto package is not served, and the test needs only a few fields.
/// </summary>
internal sealed record OtlpLogRecord(
    IReadOnlyDictionary<string, string> Resource,
    string Body,
    IReadOnlyDictionary<string, string> Attributes,
    string TraceId,
    string SpanId,
    string SeverityText);

internal static class OtlpLogs
{
    /// <summary>Every log record in every body, with its resource's attributes.</summary>
    public static IReadOnlyList<OtlpLogRecord> Decode(IEnumerable<byte[]> bodies)
    {
        var records = new List<OtlpLogRecord>();
        foreach (var body in bodies)
        {
            // ExportLogsServiceRequest: 1 = ResourceLogs (repeated).
            foreach (var (_, resourceLogs) in Fields(body).Where(f => f.Number == 1))
            {
                var resource = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (number, value) in Fields(resourceLogs))
                {
                    if (number == 1)
                    {
                        // Resource: 1 = KeyValue attributes.
                        foreach (var (_, attribute) in Fields(value).Where(f => f.Number == 1))
                        {
                            var (key, text) = KeyValue(attribute);
                            resource[key] = text;
                        }
                    }
                    else if (number == 2)
                    {
                        // ScopeLogs: 2 = LogRecord (repeated).
                        foreach (var (_, record) in Fields(value).Where(f => f.Number == 2))
                        {
                            records.Add(Record(record, resource));
                        }
                    }
                }
            }
        }

        return records;
    }

    private static OtlpLogRecord Record(byte[] record, IReadOnlyDictionary<string, string> resource)
    {
        // LogRecord: 3 severity_text, 5 body (AnyValue), 6 attributes, 9 trace_id, 10 span_id.
        string body = "", severity = "", traceId = "", spanId = "";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (number, value) in Fields(record))
        {
            switch (number)
            {
                case 3: severity = Encoding.UTF8.GetString(value); break;
                case 5: body = AnyValue(value); break;
                case 6:
                    var (key, text) = KeyValue(value);
                    attributes[key] = text;
                    break;
                case 9: traceId = Convert.ToHexStringLower(value); break;
                case 10: spanId = Convert.ToHexStringLower(value); break;
            }
        }

        return new OtlpLogRecord(resource, body, attributes, traceId, spanId, severity);
    }

    private static (string Key, string Value) KeyValue(byte[] keyValue)
    {
        string key = "", value = "";
        foreach (var (number, field) in Fields(keyValue))
        {
            if (number == 1)
            {
                key = Encoding.UTF8.GetString(field);
            }
            else if (number == 2)
            {
                value = AnyValue(field);
            }
        }

        return (key, value);
    }

    /// <summary>AnyValue as text: 1 string, 2 bool, 3 int, 4 double; anything else as its byte count.</summary>
    private static string AnyValue(byte[] anyValue)
    {
        foreach (var (number, field) in Fields(anyValue))
        {
            return number switch
            {
                1 => Encoding.UTF8.GetString(field),
                2 => field[0] != 0 ? "true" : "false",
                3 => ((long)BinaryPrimitives.ReadUInt64LittleEndian(field)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                4 => BitConverter.Int64BitsToDouble((long)BinaryPrimitives.ReadUInt64LittleEndian(field)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => $"<{field.Length} bytes>",
            };
        }

        return "";
    }

    /// <summary>
    /// The fields of one message: length-delimited values as their bytes, varints and fixed values as 8
    /// little-endian bytes (so every field comes back as bytes).
    /// </summary>
    private static IEnumerable<(int Number, byte[] Value)> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    var varint = new byte[8];
                    BinaryPrimitives.WriteUInt64LittleEndian(varint, ReadVarint(message, ref position));
                    yield return (number, varint);
                    break;
                case 1:
                    yield return (number, message[position..(position + 8)]);
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    yield return (number, message[position..(position + length)]);
                    position += length;
                    break;
                case 5:
                    var fixed32 = new byte[8];
                    message.AsSpan(position, 4).CopyTo(fixed32);
                    yield return (number, fixed32);
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type in tag {tag}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
