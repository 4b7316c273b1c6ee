using System.Runtime.InteropServices;

namespace AutoMl.Ml.Training;

/// <summary>
/// The threads training runs on: threads of their own, each started below its process's priority (a higher nice value
/// on Linux). A worker trains on every core while it also records trials, sends live events and fetches the next job;
/// at equal priority those short tasks queued behind the training threads for tens of milliseconds (issue 31: a
/// worker's event reaches the client p99 &lt; 20 ms while training runs on both cores). Threads of their own, because a
/// thread's priority can only be lowered without privileges, never raised back: a lowered thread-pool thread would slow
/// the host's async work for good.
/// </summary>
public static class TrainingThreads
{
    /// <summary>How far below the process training threads run (added to the nice value, at most 19); 0 leaves them equal.</summary>
    public static int NiceIncrement { get; set; } = 10;

    /// <summary>Lowers the calling thread; only for threads made for training (a LongRunning task's, or <see cref="For"/>'s).</summary>
    /// <returns>Whether the thread now runs lowered.</returns>
    public static bool LowerCurrent()
    {
        if (NiceIncrement <= 0 || !OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            var tid = Native.gettid();
            Marshal.SetLastPInvokeError(0);
            var current = Native.getpriority(Native.PrioProcess, tid);
            if (current == -1 && Marshal.GetLastPInvokeError() != 0)
            {
                return false;
            }
            return Native.setpriority(Native.PrioProcess, tid, Math.Min(19, current + NiceIncrement)) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: training keeps the process's priority.
            return false;
        }
    }

    /// <summary>The calling thread's nice value (Linux), for tests and diagnostics.</summary>
    public static int CurrentNice() => OperatingSystem.IsLinux() ? Native.getpriority(Native.PrioProcess, Native.gettid()) : 0;

    /// <summary>
    /// Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1 on up to <paramref name="threads"/> new lowered
    /// threads and waits for them, as Parallel.For would; the first exception of each thread is rethrown together.
    /// </summary>
    public static void For(int count, int threads, Action<int> body) => ForAsync(count, threads, body).GetAwaiter().GetResult();

    /// <summary><see cref="For"/> without blocking the caller: the task ends when the last thread does.</summary>
    public static Task ForAsync(int count, int threads, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lanes = Math.Max(1, Math.Min(threads, count));
        if (count <= 0)
        {
            return Task.CompletedTask;
        }
        var next = -1;
        var running = lanes;
        var errors = new List<Exception>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var lane = 0; lane < lanes; lane++)
        {
            var thread = new Thread(() =>
            {
                try
                {
                    _ = LowerCurrent();
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < count)
                    {
                        body(i);
                    }
                }
                catch (Exception e)
                {
                    lock (errors)
                    {
                        errors.Add(e);
                    }
                    // The other lanes stop taking new items, as Parallel.For stops after a failure.
                    Interlocked.Exchange(ref next, count);
                }
                finally
                {
                    if (Interlocked.Decrement(ref running) == 0)
                    {
                        if (errors.Count > 0)
                        {
                            done.SetException(new AggregateException(errors));
                        }
                        else
                        {
                            done.SetResult();
                        }
                    }
                }
            })
            { IsBackground = true, Name = "automl-training" };
            thread.Start();
        }
        return done.Task;
    }

    private static class Native
    {
        public const int PrioProcess = 0;

        [DllImport("libc", SetLastError = true)]
        public static extern int gettid();

        [DllImport("libc", SetLastError = true)]
        public static extern int getpriority(int which, int who);

        [DllImport("libc", SetLastError = true)]
        public static extern int setpriority(int which, int who, int prio);
    }
}
