namespace AutoMl.Api.Datasets;

/// <param name="Name">What POST /datasets/samples/{name} takes.</param>
/// <param name="Title">A human name for the sample.</param>
/// <param name="Description">What the table holds and what is predicted.</param>
/// <param name="Rows">Rows in the file.</param>
/// <param name="Columns">Columns in the file, the target included.</param>
/// <param name="Target">The column to predict.</param>
/// <param name="Task">binary, multiclass or regression.</param>
public sealed record SampleDatasetView(string Name, string Title, string Description, long Rows, int Columns, string Target, string Task);

/// <param name="Dataset">The new data set in the caller's account, usually still ingesting.</param>
/// <param name="Target">The column to train on, to pass as the job's target.</param>
/// <param name="Task">The task that target asks for.</param>
public sealed record CreatedSampleView(DatasetView Dataset, string Target, string Task);
