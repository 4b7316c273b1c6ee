using AutoMl.Ml.Training;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace AutoMl.Ml.Tests;

public sealed class FastTreeGcTests
{
    [Fact]
    public void fast_tree_and_fast_forest_trainers_no_longer_force_collections_when_the_engine_makes_them()
    {
        var ml = new MLContext(1);
        object[] trainers =
        [
            ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options()),
            ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options()),
            ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options()),
        ];
        foreach (var trainer in trainers)
        {
            // If ML.NET renames its switch this is null, and the engine's fits go back to two forced collections each.
            Assert.True(FastTreeGc.Forces(trainer), $"{trainer.GetType().Name} forces collections by default");
            FastTreeGc.Off(trainer);
            Assert.False(FastTreeGc.Forces(trainer));
        }
    }
}
