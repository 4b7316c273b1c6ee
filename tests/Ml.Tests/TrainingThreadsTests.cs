using System.Collections.Concurrent;
using AutoMl.Ml.Training;

namespace AutoMl.Ml.Tests;

public sealed class TrainingThreadsTests
{
    [Fact]
    public void every_item_runs_once_on_threads_below_the_callers_priority_and_the_caller_keeps_its_own()
    {
        var caller = TrainingThreads.CurrentNice();
        var seen = new ConcurrentDictionary<int, (int Thread, int Nice)>();

        TrainingThreads.For(12, 3, i => seen[i] = (Environment.CurrentManagedThreadId, TrainingThreads.CurrentNice()));

        Assert.Equal(Enumerable.Range(0, 12), seen.Keys.Order());
        Assert.All(seen.Values, s => Assert.Equal(Math.Min(19, caller + TrainingThreads.NiceIncrement), s.Nice));
        Assert.InRange(seen.Values.Select(s => s.Thread).Distinct().Count(), 1, 3);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, seen.Values.Select(s => s.Thread));
        Assert.Equal(caller, TrainingThreads.CurrentNice());
    }

    [Fact]
    public async Task a_failing_item_fails_the_whole_run_with_its_exception()
    {
        var error = await Assert.ThrowsAsync<AggregateException>(() => TrainingThreads.ForAsync(20, 2, i =>
        {
            if (i == 5)
            {
                throw new InvalidOperationException("item 5");
            }
        }));
        Assert.Contains(error.InnerExceptions, e => e.Message == "item 5");
    }
}
