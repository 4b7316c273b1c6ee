using AutoMl.Domain.Jobs;

namespace AutoMl.Domain.Tests.Jobs;

public class JobLifecycleTests
{
    public static TheoryData<string, JobStatus, JobStatus> Allowed => new()
    {
        { nameof(JobLifecycle.Start), JobStatus.Queued, JobStatus.Running },
        { nameof(JobLifecycle.Requeue), JobStatus.Running, JobStatus.Queued },
        { nameof(JobLifecycle.Succeed), JobStatus.Running, JobStatus.Succeeded },
        { nameof(JobLifecycle.Fail), JobStatus.Queued, JobStatus.Failed },
        { nameof(JobLifecycle.Fail), JobStatus.Running, JobStatus.Failed },
        { nameof(JobLifecycle.CancelQueued), JobStatus.Queued, JobStatus.Cancelled },
        { nameof(JobLifecycle.CancelRunning), JobStatus.Running, JobStatus.Cancelled },
        { nameof(JobLifecycle.Abandon), JobStatus.Queued, JobStatus.Cancelled },
        { nameof(JobLifecycle.Abandon), JobStatus.Running, JobStatus.Cancelled },
    };

    private static JobTransition Named(string name) => JobLifecycle.Transitions.Single(t => t.Name == name);

    [Theory]
    [MemberData(nameof(Allowed))]
    public void each_transition_leaves_from_its_statuses_to_its_one_status(string name, JobStatus from, JobStatus to)
    {
        var transition = Named(name);
        Assert.True(transition.Allows(from));
        Assert.Equal(to, transition.To);
        Assert.Contains(from, transition.FromArray);
        Assert.True(JobLifecycle.CanMove(from, to));
    }

    [Fact]
    public void every_other_status_is_refused_by_every_transition()
    {
        var allowed = Allowed.Select(row => ((string)row[0], (JobStatus)row[1])).ToHashSet();
        foreach (var transition in JobLifecycle.Transitions)
        {
            foreach (var status in Enum.GetValues<JobStatus>())
            {
                Assert.Equal(allowed.Contains((transition.Name, status)), transition.Allows(status));
            }
        }
    }

    [Fact]
    public void the_table_lists_every_transition_once()
    {
        Assert.Equal(
            [nameof(JobLifecycle.Start), nameof(JobLifecycle.Requeue), nameof(JobLifecycle.Succeed), nameof(JobLifecycle.Fail),
                nameof(JobLifecycle.CancelQueued), nameof(JobLifecycle.CancelRunning), nameof(JobLifecycle.Abandon)],
            JobLifecycle.Transitions.Select(t => t.Name));
    }

    [Theory]
    [InlineData(JobStatus.Succeeded)]
    [InlineData(JobStatus.Failed)]
    [InlineData(JobStatus.Cancelled)]
    public void a_terminal_status_is_never_left(JobStatus terminal)
    {
        Assert.True(terminal.IsTerminal());
        Assert.False(terminal.IsLive());
        Assert.All(JobLifecycle.Transitions, t => Assert.False(t.Allows(terminal)));
        Assert.All(Enum.GetValues<JobStatus>(), to => Assert.False(JobLifecycle.CanMove(terminal, to)));
        Assert.Null(JobLifecycle.CancelFrom(terminal));
    }

    [Fact]
    public void live_and_terminal_split_the_statuses()
    {
        Assert.Equal([JobStatus.Queued, JobStatus.Running], JobLifecycle.Live);
        Assert.Equal([JobStatus.Succeeded, JobStatus.Failed, JobStatus.Cancelled], JobLifecycle.Terminal);
        Assert.Empty(JobLifecycle.Live.Intersect(JobLifecycle.Terminal));
        Assert.Equal(Enum.GetValues<JobStatus>().Order(), JobLifecycle.Live.Concat(JobLifecycle.Terminal).Order());
    }

    [Fact]
    public void transitions_that_end_a_job_are_the_ones_into_a_terminal_status()
    {
        Assert.Equal(
            [nameof(JobLifecycle.Succeed), nameof(JobLifecycle.Fail), nameof(JobLifecycle.CancelQueued), nameof(JobLifecycle.CancelRunning), nameof(JobLifecycle.Abandon)],
            JobLifecycle.Transitions.Where(t => t.Ends).Select(t => t.Name));
        Assert.False(JobLifecycle.Start.Ends);
        Assert.False(JobLifecycle.Requeue.Ends);
    }

    [Fact]
    public void a_job_is_admitted_waiting_and_takes_a_slot_only_while_running()
    {
        Assert.Equal(JobStatus.Queued, JobLifecycle.Initial);
        Assert.Equal(JobStatus.Queued, JobLifecycle.Waiting);
        Assert.Equal(JobStatus.Running, JobLifecycle.Occupying);
        Assert.True(JobLifecycle.Start.Allows(JobLifecycle.Initial));
        Assert.Equal(JobLifecycle.Occupying, JobLifecycle.Start.To);
    }

    [Fact]
    public void a_cancel_takes_the_transition_of_the_status_the_job_is_in()
    {
        Assert.Same(JobLifecycle.CancelQueued, JobLifecycle.CancelFrom(JobStatus.Queued));
        Assert.Same(JobLifecycle.CancelRunning, JobLifecycle.CancelFrom(JobStatus.Running));
    }

    [Fact]
    public void only_a_succeeded_job_has_a_result()
    {
        Assert.Equal([JobStatus.Succeeded], Enum.GetValues<JobStatus>().Where(s => s.HasResult()));
    }

    [Fact]
    public void a_job_goes_back_to_the_queue_only_from_running()
    {
        Assert.Equal([JobStatus.Running], JobLifecycle.Requeue.From);
        Assert.Equal(JobStatus.Queued, JobLifecycle.Requeue.To);
        Assert.False(JobLifecycle.CanMove(JobStatus.Queued, JobStatus.Queued));
    }
}
