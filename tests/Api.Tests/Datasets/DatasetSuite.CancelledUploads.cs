using System.Net;
using AutoMl.Api.Tests.Support;

namespace AutoMl.Api.Tests.Datasets;

/// <summary>What the dashboard's "Cancel upload" relies on (issue 24): an abandoned transfer leaves nothing behind.</summary>
public abstract partial class DatasetSuite<TFactory> where TFactory : PlatformFactory
{
    [Fact]
    public async Task a_streamed_upload_cancelled_mid_body_leaves_no_data_set_and_gives_its_room_back()
    {
        var email = ApiFactory.NewEmail();
        var user = await Platform.SignUpAsync(email);
        var userId = await UserIdAsync(email);
        const long Declared = 8L * 1024 * 1024;
        using var cancel = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/datasets?name=abandoned.csv") { Content = new StalledContent(Declared) };

        var sending = user.Http.SendAsync(request, cancel.Token);
        await PollAsync(async () => await ReservedBytesAsync(userId) == Declared, "the upload's room is never held");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        await PollAsync(async () => await ReservedBytesAsync(userId) == 0, "the cancelled upload still holds room");
        Assert.Empty((await (await user.Http.GetAsync("/api/v1/datasets")).JsonAsync()).GetProperty("items").EnumerateArray());
        var usage = await (await user.Http.GetAsync("/api/v1/datasets/usage")).JsonAsync();
        Assert.Equal(0, usage.GetProperty("usedBytes").GetInt64());
        Assert.Equal(0, usage.GetProperty("reservedBytes").GetInt64());
    }

    private static async Task PollAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }

    /// <summary>A body that declares its length, sends a first chunk and then waits, as a browser's slow upload does.</summary>
    private sealed class StalledContent(long declared) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync("a,b,label\n1,2,yes\n"u8.ToArray(), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = declared;
            return true;
        }
    }
}
