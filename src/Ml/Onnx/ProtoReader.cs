using System.Text;

namespace AutoMl.Ml.Onnx;

/// <summary>One field of a protocol-buffer message: varints as <see cref="Number"/>, the rest as their raw bytes.</summary>
internal readonly record struct ProtoField(int Number, int WireType, ulong Value, ReadOnlyMemory<byte> Bytes)
{
    public string Text => Encoding.UTF8.GetString(Bytes.Span);
}

/// <summary>Reads the fields of one protocol-buffer message (the counterpart of <see cref="ProtoWriter"/>).</summary>
internal static class ProtoReader
{
    public static IEnumerable<ProtoField> Fields(ReadOnlyMemory<byte> message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var tag = Varint(message.Span, ref at);
            var field = (int)(tag >> 3);
            var wire = (int)(tag & 7);
            switch (wire)
            {
                case 0:
                    yield return new ProtoField(field, wire, Varint(message.Span, ref at), default);
                    break;
                case 1:
                    yield return new ProtoField(field, wire, 0, message.Slice(at, 8));
                    at += 8;
                    break;
                case 2:
                    {
                        var length = (int)Varint(message.Span, ref at);
                        yield return new ProtoField(field, wire, 0, message.Slice(at, length));
                        at += length;
                        break;
                    }

                case 5:
                    yield return new ProtoField(field, wire, 0, message.Slice(at, 4));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"The ONNX converter wrote a protocol-buffer field of wire type {wire}, which this reader does not know.");
            }
        }
    }

    /// <summary>Writes a field back unchanged.</summary>
    public static void Copy(ProtoWriter writer, ProtoField field)
    {
        switch (field.WireType)
        {
            case 0:
                writer.Varint(field.Number, (long)field.Value);
                break;
            case 1:
                writer.Fixed64(field.Number, field.Bytes.Span);
                break;
            case 2:
                writer.Bytes(field.Number, field.Bytes.Span);
                break;
            case 5:
                writer.Float(field.Number, BitConverter.ToSingle(field.Bytes.Span));
                break;
            default:
                throw new InvalidDataException($"A protocol-buffer field of wire type {field.WireType} cannot be copied.");
        }
    }

    private static ulong Varint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }
}
