using AutoMl.Sdk;

namespace AutoMl.Cli.Commands;

/// <summary>
/// Ctrl+C while `automl train` waits: the job is the user's money, so it is cancelled only on a yes (or with
/// --cancel-on-interrupt), and the command exits 130 either way.
/// </summary>
internal static class TrainInterrupt
{
    /// <summary>How long an answer is awaited when stdin is not a terminal: a pipe nobody writes to must not hold the process.</summary>
    private static readonly TimeSpan PipedAnswerWait = TimeSpan.FromSeconds(30);

    public static async Task<int> HandleAsync(AutoMlClient client, Output output, Job job, bool cancelWithoutAsking)
    {
        var cancel = cancelWithoutAsking || await AskAsync($"cancel the job {job.Id}? [y/N] ");
        if (cancel)
        {
            try
            {
                job = await client.Jobs.CancelAsync(job.Id, CancellationToken.None);
            }
            catch (AutoMlApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // It ended while the question was asked: nothing is left to cancel.
                job = await client.Jobs.GetAsync(job.Id, CancellationToken.None);
                return output.Fail(ExitCodes.Cancelled, "Interrupted", $"The job {job.Id} had already ended: {job.Status}.", new { job, cancelled = false });
            }
        }
        var detail = cancel
            ? $"The job {job.Id} was cancelled; its held credits are released."
            : $"The job {job.Id} goes on: follow it with `automl jobs show {job.Id}`, stop it with `automl jobs cancel {job.Id}`.";
        return output.Fail(ExitCodes.Cancelled, "Interrupted", detail, new { job, cancelled = cancel });
    }

    /// <summary>
    /// The question goes to stderr (stdout may carry --json). A terminal waits for its answer; a pipe is asked too, so a
    /// supervising program can answer, but end of input or no answer within <see cref="PipedAnswerWait"/> is a no.
    /// </summary>
    private static async Task<bool> AskAsync(string question)
    {
        Console.Error.Write(question);
        var read = Task.Run(Console.In.ReadLine);
        if (Console.IsInputRedirected && await Task.WhenAny(read, Task.Delay(PipedAnswerWait)) != read)
        {
            Console.Error.WriteLine();
            return false;
        }
        var answer = (await read)?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }
}
