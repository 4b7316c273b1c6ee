using System.Collections;

namespace AutoMl.Sdk;

/// <summary>The predictions of one request, one per row in order, and what the request cost.</summary>
public sealed class PredictionResult : IReadOnlyList<Prediction>
{
    private readonly IReadOnlyList<Prediction> predictions;

    /// <summary>Creates a result.</summary>
    /// <param name="predictions">One prediction per row, in order.</param>
    /// <param name="creditsCharged">What the request cost.</param>
    public PredictionResult(IReadOnlyList<Prediction> predictions, long creditsCharged)
    {
        this.predictions = predictions ?? throw new ArgumentNullException(nameof(predictions));
        CreditsCharged = creditsCharged;
    }

    /// <summary>
    /// Credits this request was charged: the batch price per 1,000 rows, at least 1. A request retried with the same
    /// Idempotency-Key reports its first charge and is not charged again.
    /// </summary>
    public long CreditsCharged { get; }

    /// <inheritdoc />
    public int Count => predictions.Count;

    /// <inheritdoc />
    public Prediction this[int index] => predictions[index];

    /// <inheritdoc />
    public IEnumerator<Prediction> GetEnumerator() => predictions.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
