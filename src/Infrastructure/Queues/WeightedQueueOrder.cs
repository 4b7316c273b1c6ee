using System.Collections.Concurrent;

namespace AutoMl.Infrastructure.Queues;

/// <summary>
/// The order in which a fetch tries a worker's queues. Each position is a smooth weighted round-robin
/// over the queues not yet placed, so the first choice follows the weights (6:3:1) and, when it is
/// empty, the fall-through keeps the weights of the rest (normal:low 3:1 while high is empty).
/// One instance per storage, shared by every worker thread of the process, so the ratio is the same
/// at one worker or many.
/// </summary>
public sealed class WeightedQueueOrder(QueueWeights weights)
{
    private readonly ConcurrentDictionary<string, Rotation> rotations = new(StringComparer.Ordinal);

    public string[] Next(string[] queues)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var order = new string[queues.Length];
        var remaining = queues;
        for (var position = 0; position < queues.Length; position++)
        {
            order[position] = remaining.Length == 1 ? remaining[0] : RotationOf(remaining).Pick();
            remaining = Without(remaining, order[position]);
        }
        return order;
    }

    private Rotation RotationOf(string[] queues) =>
        rotations.GetOrAdd(string.Join('\n', queues), _ => new Rotation(queues, queues.Select(weights.WeightOf).ToArray()));

    private static string[] Without(string[] queues, string queue)
    {
        var index = Array.IndexOf(queues, queue);
        return [.. queues[..index], .. queues[(index + 1)..]];
    }

    private sealed class Rotation(string[] queues, int[] weights)
    {
        private readonly Lock gate = new();
        private readonly long[] credit = new long[queues.Length];
        private readonly long total = weights.Sum();

        public string Pick()
        {
            lock (gate)
            {
                var best = 0;
                for (var i = 0; i < credit.Length; i++)
                {
                    credit[i] += weights[i];
                    // Strictly greater: on a tie the queue listed first (the heavier, by convention) wins.
                    if (credit[i] > credit[best])
                    {
                        best = i;
                    }
                }
                credit[best] -= total;
                return queues[best];
            }
        }
    }
}
