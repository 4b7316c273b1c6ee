using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace AutoMl.Ml.Onnx;

/// <summary>
/// The protocol-buffer wire format, written by hand: the ONNX converter keeps its generated message types internal,
/// and merging the members' graphs needs only a handful of ONNX fields.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public ProtoWriter Varint(int field, long value)
    {
        Tag(field, 0);
        Raw((ulong)value);
        return this;
    }

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 2);
        Raw((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public ProtoWriter Float(int field, float value)
    {
        Tag(field, 5);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        _buffer.Write(bytes);
        return this;
    }

    public ProtoWriter Fixed64(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, 1);
        _buffer.Write(value[..8]);
        return this;
    }

    public ProtoWriter PackedFloats(int field, IEnumerable<float> values)
    {
        var packed = new ArrayBufferWriter<byte>();
        Span<byte> bytes = stackalloc byte[4];
        foreach (var v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes, v);
            packed.Write(bytes);
        }

        return Bytes(field, packed.WrittenSpan);
    }

    public ProtoWriter PackedVarints(int field, IEnumerable<long> values)
    {
        var packed = new ProtoWriter();
        foreach (var v in values)
        {
            packed.Raw((ulong)v);
        }

        return Bytes(field, packed.ToArray());
    }

    private void Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.Write([(byte)(value | 0x80)]);
            value >>= 7;
        }

        _buffer.Write([(byte)value]);
    }
}
