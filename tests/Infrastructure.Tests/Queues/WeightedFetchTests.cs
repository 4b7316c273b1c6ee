using AutoMl.Domain.Queues;

namespace AutoMl.Infrastructure.Tests.Queues;

public sealed class WeightedFetchTests
{
    [Fact]
    public async Task three_full_queues_are_served_six_three_one_by_a_single_worker()
    {
        await using var queues = new HangfireQueues();
        FillAllThree(queues);

        queues.StartServer(workers: 1);
        var first100 = (await queues.WaitForStartsAsync(100)).Take(100).ToList();

        AssertSplit(first100, high: 60, normal: 30, low: 10);
    }

    [Fact]
    public async Task three_full_queues_are_served_six_three_one_by_three_workers()
    {
        await using var queues = new HangfireQueues();
        FillAllThree(queues);

        queues.StartServer(workers: 3);
        var first100 = (await queues.WaitForStartsAsync(100)).Take(100).ToList();

        AssertSplit(first100, high: 60, normal: 30, low: 10);
    }

    [Fact]
    public async Task an_empty_high_queue_falls_through_to_normal_and_low()
    {
        await using var queues = new HangfireQueues();
        queues.Enqueue(QueueNames.Normal, 60);
        queues.Enqueue(QueueNames.Low, 60);

        queues.StartServer(workers: 1);
        var first40 = (await queues.WaitForStartsAsync(40)).Take(40).ToList();

        // Normal and low keep their own 3:1 while high has nothing.
        AssertSplit(first40, high: 0, normal: 30, low: 10);
    }

    [Fact]
    public async Task the_last_non_empty_queue_is_drained_completely()
    {
        await using var queues = new HangfireQueues();
        queues.Enqueue(QueueNames.Low, 30);

        queues.StartServer(workers: 1);
        var started = await queues.WaitForStartsAsync(30);

        Assert.All(started, q => Assert.Equal(QueueNames.Low, q));
    }

    [Fact]
    public async Task a_job_whose_wake_up_message_was_lost_still_starts_within_seconds()
    {
        await using var queues = new HangfireQueues();
        queues.StartServer(workers: 1);
        // The worker has scanned the empty queues and sleeps until a message or its fetch timeout.
        queues.Enqueue(QueueNames.High, 1);
        await queues.WaitForStartsAsync(1);
        await Task.Delay(300);

        await queues.EnqueueUnannouncedAsync(QueueNames.Low);

        // Hangfire.Redis's default fetch timeout (3 minutes) would leave it queued far longer than this.
        var started = await queues.WaitForStartsAsync(2, seconds: 5);
        Assert.Equal(QueueNames.Low, started[1]);
    }

    private static void FillAllThree(HangfireQueues queues)
    {
        // More than any queue can get in the first 100, so none runs dry while they are counted.
        queues.Enqueue(QueueNames.High, 90);
        queues.Enqueue(QueueNames.Normal, 50);
        queues.Enqueue(QueueNames.Low, 30);
    }

    private static void AssertSplit(List<string> started, int high, int normal, int low)
    {
        var counts = started.CountBy(q => q).ToDictionary();
        var summary = string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
        Assert.InRange(counts.GetValueOrDefault(QueueNames.High), Math.Max(0, high - 5), high + 5);
        Assert.InRange(counts.GetValueOrDefault(QueueNames.Normal), normal - 5, normal + 5);
        Assert.InRange(counts.GetValueOrDefault(QueueNames.Low), Math.Max(0, low - 5), low + 5);
        Assert.True(counts.Values.Sum() == started.Count, summary);
    }
}
