using System.Net;

namespace AutoMl.Sdk.Http;

/// <summary>Streams a slice of a stream as a request body and reports bytes sent; rewinds so a retry sends it again.</summary>
internal sealed class ProgressContent(Stream source, long offset, long count, Action<long> sent) : HttpContent
{
    private const int BufferSize = 81920;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (source.CanSeek)
        {
            source.Position = offset;
        }
        var buffer = new byte[BufferSize];
        var remaining = count;
        while (remaining > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException($"The stream ended {remaining} bytes before the length it announced.");
            }
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            remaining -= read;
            sent(read);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = count;
        return true;
    }
}
