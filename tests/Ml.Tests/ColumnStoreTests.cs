using AutoMl.Ml.Columns;
using AutoMl.Ml.Features;
using AutoMl.Ml.Schema;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoMl.Ml.Tests;

public class ColumnStoreTests
{
    [Fact]
    public async Task the_column_store_holds_numbers_as_float_and_categories_as_codes()
    {
        var ingest = await TestData.IngestAsync(TestData.File("penguins.csv"));

        var frame = await ProcessedParquet.LoadAsync(ingest.ParquetPath);

        Assert.Equal(344, frame.RowCount);
        Assert.Equal(39.1f, frame["bill_length_mm"].Numbers![0]);
        Assert.True(float.IsNaN(frame["bill_length_mm"].Numbers![3]));
        Assert.Equal("Torgersen", frame["island"].Levels[frame["island"].Codes![0]]);
        Assert.Equal(-1, frame["sex"].Codes![3]);
    }

    [Fact]
    public async Task featurisation_learned_on_training_rows_handles_missing_and_unseen_values()
    {
        var ingest = await TestData.IngestAsync(TestData.File("penguins.csv"));
        var frame = await ProcessedParquet.LoadAsync(ingest.ParquetPath);
        var inputs = ingest.Schema.Columns.Where(c => c.Name != "species").ToList();

        var featurizer = Featurizer.Fit(frame, inputs, Enumerable.Range(0, 300).ToArray());
        var features = new float[featurizer.FeatureCount];
        featurizer.TransformRow(new Dictionary<string, object?> { ["island"] = "Atlantis", ["bill_length_mm"] = null, ["sex"] = "female" }, features, out _);
        var names = featurizer.Spec.FeatureNames.ToList();

        Assert.Contains("island=Biscoe", names);
        Assert.Equal(0f, features[names.IndexOf("island=Biscoe")]);
        Assert.Equal(1f, features[names.IndexOf("bill_length_mm is missing")]);
        Assert.False(float.IsNaN(features[names.IndexOf("bill_length_mm")]));
        Assert.Equal(1f, features[names.IndexOf("sex=female")]);
    }

    [Fact]
    public void ml_net_reads_the_columnar_view_row_by_row_over_a_subset()
    {
        var matrix = new FeatureMatrix([[1, 2, 3, 4], [10, 20, 30, 40]], 4, null);
        var view = new FeatureDataView(matrix, [3, 1], [0, 1, 2, 3], LabelKind.Real);
        var ml = new MLContext(0);

        var features = view.GetColumn<float[]>("Features").ToList();
        var labels = view.GetColumn<float>("Label").ToList();
        var model = ml.Regression.Trainers.Sdca(maximumNumberOfIterations: 2).Fit(view);

        Assert.Equal([[4f, 40f], [2f, 20f]], features);
        Assert.Equal([3f, 1f], labels);
        Assert.Equal(2, view.GetRowCount());
        Assert.NotNull(model);
        Assert.Equal(TaskKind.Regression, TaskInference.Infer(true, 100));
    }
}
