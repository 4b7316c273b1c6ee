using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Tests;

public class TaskInferenceTests
{
    [Theory]
    [InlineData("penguins.csv", "species", TaskKind.Multiclass)]
    [InlineData("boston.csv", "medv", TaskKind.Regression)]
    [InlineData("sonar.csv", "Class", TaskKind.Binary)]
    [InlineData("pima_diabetes.csv", "diabetes", TaskKind.Binary)]
    [InlineData("concrete.csv", "compressive_strength", TaskKind.Regression)]
    [InlineData("hpc_data.csv", "class", TaskKind.Multiclass)]
    [InlineData("attrition_head300.csv", "Attrition", TaskKind.Binary)]
    [InlineData("mlc_churn_head600.csv", "churn", TaskKind.Binary)]
    [InlineData("stackoverflow_head600.csv", "Remote", TaskKind.Binary)]
    [InlineData("wa_churn_head500.csv", "churn", TaskKind.Binary)]
    [InlineData("letter_head2000.csv", "lettr", TaskKind.Multiclass)]
    [InlineData("diamonds_head1000.csv", "price", TaskKind.Regression)]
    public async Task task_is_inferred_like_the_evaluation_scripts(string file, string target, TaskKind expected)
    {
        var result = await TestData.IngestAsync(TestData.File(file));

        Assert.Equal(expected, TaskInference.Infer(result.Schema.Get(target)));
    }

    [Fact]
    public async Task yes_no_targets_keep_their_spelling_as_class_labels()
    {
        var result = await TestData.IngestAsync(TestData.File("attrition_head300.csv"));
        var frame = await Columns.ProcessedParquet.LoadAsync(result.ParquetPath, ["Attrition"]);

        Assert.Equal(["No", "Yes"], frame["Attrition"].Levels.Order());
    }

    [Fact]
    public void a_numeric_target_with_twenty_values_is_multiclass_and_with_twenty_one_regression()
    {
        Assert.Equal(TaskKind.Multiclass, TaskInference.Infer(isNumeric: true, distinctValues: 20));
        Assert.Equal(TaskKind.Regression, TaskInference.Infer(isNumeric: true, distinctValues: 21));
        Assert.Equal(TaskKind.Multiclass, TaskInference.Infer(isNumeric: false, distinctValues: 26));
    }
}
