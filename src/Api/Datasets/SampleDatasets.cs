namespace AutoMl.Api.Datasets;

/// <summary>The small data sets bundled with the API (Datasets/Samples, embedded), for a first training without a file.</summary>
internal static class SampleDatasets
{
    public static IReadOnlyList<SampleDataset> All { get; } =
    [
        new("penguins.csv", new("penguins", "Palmer penguins",
            "Measurements of 344 penguins on three islands of the Palmer Archipelago: predict the species (Adelie, Chinstrap or Gentoo) from bill, flipper, body mass, island and sex.",
            344, 7, "species", "multiclass")),
        new("pima_diabetes.csv", new("pima-diabetes", "Pima diabetes",
            "Health records of 768 Pima women: predict whether a diabetes test is positive from glucose, blood pressure, body mass, age and other measures (some values are missing).",
            768, 9, "diabetes", "binary")),
    ];

    public static SampleDataset? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.View.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <param name="FileName">The embedded file, which also names the data set it becomes.</param>
/// <param name="View">What the list shows of it.</param>
internal sealed record SampleDataset(string FileName, SampleDatasetView View)
{
    public Stream Open() =>
        typeof(SampleDataset).Assembly.GetManifestResourceStream($"AutoMl.Api.Samples.{FileName}")
        ?? throw new InvalidOperationException($"The sample file {FileName} is not embedded in the API assembly.");
}
