namespace AutoMl.Ml.Training;

/// <summary>Which rows each fold trains and validates on: stratified k-fold CV on small data, one holdout on large.</summary>
public sealed class FoldPlan
{
    private FoldPlan(int[][] train, int[][] valid, bool isCrossValidation)
    {
        Train = train;
        Valid = valid;
        IsCrossValidation = isCrossValidation;
        EvaluationRows = valid.SelectMany(v => v).Order().ToArray();
    }

    /// <summary>Training rows of a holdout trial at most (a random sample of them above this).</summary>
    public const int MaxSearchRows = 200_000;

    public int[][] Train { get; }

    public int[][] Valid { get; }

    public bool IsCrossValidation { get; }

    /// <summary>The rows that get an out-of-fold (or holdout) prediction.</summary>
    public int[] EvaluationRows { get; }

    public int FoldCount => Train.Length;

    public string Description => IsCrossValidation ? $"{FoldCount}-fold cross-validation" : "20% holdout";

    public static FoldPlan Create(double[] y, int seed, int crossValidationBelowRows = 10_000, int folds = 5)
    {
        ArgumentNullException.ThrowIfNull(y);
        var n = y.Length;
        var random = new Random(seed);
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        // A stable sort by label after the shuffle, then dealing rows round-robin, stratifies classes
        // (and target quantiles for regression).
        order = order.OrderBy(i => y[i]).ToArray();

        var foldOf = new int[n];
        var k = n < crossValidationBelowRows ? folds : 5;
        for (var r = 0; r < n; r++)
        {
            foldOf[order[r]] = r % k;
        }

        if (n < crossValidationBelowRows)
        {
            var train = new int[k][];
            var valid = new int[k][];
            for (var f = 0; f < k; f++)
            {
                train[f] = Enumerable.Range(0, n).Where(i => foldOf[i] != f).ToArray();
                valid[f] = Enumerable.Range(0, n).Where(i => foldOf[i] == f).ToArray();
            }

            return new FoldPlan(train, valid, true);
        }

        // On very large data the search works on a sample (FLAML grows its sample the same way); the final
        // ensemble is refitted on every row when the budget allows.
        var shuffled = Enumerable.Range(0, n).ToArray();
        new Random(seed + 1).Shuffle(shuffled);
        var holdout = shuffled.Where(i => foldOf[i] == 0).Take(MaxSearchRows / 4).Order().ToArray();
        var rest = shuffled.Where(i => foldOf[i] != 0).Take(MaxSearchRows).Order().ToArray();
        return new FoldPlan([rest], [holdout], false);
    }
}
