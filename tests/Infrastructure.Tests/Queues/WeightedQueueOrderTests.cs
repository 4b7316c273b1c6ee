using AutoMl.Domain.Queues;
using AutoMl.Infrastructure.Queues;

namespace AutoMl.Infrastructure.Tests.Queues;

public sealed class WeightedQueueOrderTests
{
    private static readonly string[] Served = [QueueNames.High, QueueNames.Normal, QueueNames.Low];

    [Fact]
    public void every_ten_fetches_put_high_first_six_times_normal_three_and_low_once()
    {
        var order = new WeightedQueueOrder(new QueueWeights());

        var firsts = Enumerable.Range(0, 100).Select(_ => order.Next(Served)[0]).ToList();

        foreach (var round in firsts.Chunk(10))
        {
            Assert.Equal(6, round.Count(q => q == QueueNames.High));
            Assert.Equal(3, round.Count(q => q == QueueNames.Normal));
            Assert.Equal(1, round.Count(q => q == QueueNames.Low));
        }
    }

    [Fact]
    public void every_order_lists_each_served_queue_once()
    {
        var order = new WeightedQueueOrder(new QueueWeights());

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(Served.Order(), order.Next(Served).Order());
        }
    }

    [Fact]
    public void weights_come_from_configuration()
    {
        var order = new WeightedQueueOrder(new QueueWeights { High = 1, Normal = 1, Low = 2 });

        var firsts = Enumerable.Range(0, 40).Select(_ => order.Next(Served)[0]).ToList();

        Assert.Equal(20, firsts.Count(q => q == QueueNames.Low));
        Assert.Equal(10, firsts.Count(q => q == QueueNames.High));
    }

    [Fact]
    public void the_shared_rotation_keeps_the_ratio_under_concurrent_workers()
    {
        var order = new WeightedQueueOrder(new QueueWeights());
        var firsts = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => firsts.Add(order.Next(Served)[0]));

        Assert.Equal(600, firsts.Count(q => q == QueueNames.High));
        Assert.Equal(300, firsts.Count(q => q == QueueNames.Normal));
        Assert.Equal(100, firsts.Count(q => q == QueueNames.Low));
    }

    [Fact]
    public void a_worker_serving_one_queue_gets_it_unchanged()
    {
        var order = new WeightedQueueOrder(new QueueWeights());

        Assert.Equal([QueueNames.Low], order.Next([QueueNames.Low]));
    }
}
