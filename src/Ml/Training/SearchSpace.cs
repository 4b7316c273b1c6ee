using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Training;

/// <summary>
/// Each learner's space. LightGBM's is FLAML's (DESIGN.md); the initial point is the cheapest, and the
/// search moves from it toward better and costlier configurations.
/// </summary>
public static class SearchSpace
{
    public static IReadOnlyList<HyperParameter> For(Learner learner, int rows)
    {
        var maxLeaves = Math.Max(4, Math.Min(32768, rows));
        return learner switch
        {
            Learner.LightGbm =>
            [
                new("iterations", 4, Math.Max(4, Math.Min(32768, rows)), 4, true, true),
                new("leaves", 4, maxLeaves, 4, true, true),
                new("minChildSamples", 2, 129, 20, true, true),
                new("learningRate", 1.0 / 1024, 1, 0.1, true, false),
                new("maxBinLog2", 3, 11, 8, true, true),
                new("featureFraction", 0.01, 1, 1, false, false),
                new("l1", 1.0 / 1024, 1024, 1.0 / 1024, true, false),
                new("l2", 1.0 / 1024, 1024, 1, true, false),
            ],
            Learner.FastTree =>
            [
                new("trees", 4, Math.Max(4, Math.Min(4096, rows)), 4, true, true),
                new("leaves", 4, Math.Max(4, Math.Min(4096, rows)), 4, true, true),
                new("minChildSamples", 2, 129, 20, true, true),
                new("learningRate", 1.0 / 1024, 1, 0.1, true, false),
                new("featureFraction", 0.1, 1, 1, false, false),
            ],
            Learner.FastForest =>
            [
                new("trees", 4, 2048, 4, true, true),
                new("leaves", 4, maxLeaves, 4, true, true),
                new("minChildSamples", 1, 64, 1, true, true),
                new("featureFraction", 0.1, 1, 1, false, false),
            ],
            Learner.Linear =>
            [
                new("l2", 1e-6, 100, 1, true, false),
                new("l1", 1e-6, 10, 1e-6, true, false),
            ],
            Learner.Constant => [],
        };
    }

    public static bool Supports(Learner learner, TaskKind task, int classCount) => learner switch
    {
        Learner.FastTree => task != TaskKind.Multiclass,
        Learner.FastForest => task != TaskKind.Multiclass || classCount <= 12,
        _ => true,
    };
}
