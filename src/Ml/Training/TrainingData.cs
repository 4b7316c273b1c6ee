using AutoMl.Ml.Columns;
using AutoMl.Ml.Features;
using AutoMl.Ml.Schema;

namespace AutoMl.Ml.Training;

/// <summary>The featurised training rows and their labels (class index or value), shared by every trial.</summary>
public sealed class TrainingData
{
    private readonly Dictionary<(LabelKind, int, bool), float[]> _labels = [];

    public TrainingData(FeatureMatrix features, double[] y, TaskKind task, int classCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(y);
        Features = features;
        Y = y;
        Task = task;
        ClassCount = classCount;
    }

    public FeatureMatrix Features { get; }

    public double[] Y { get; }

    public TaskKind Task { get; }

    public int ClassCount { get; }

    public int Rows => Y.Length;

    /// <summary>C in the n×C prediction layout.</summary>
    public int Width => Task == TaskKind.Multiclass ? ClassCount : 1;

    public bool HasText => Features.Text is not null;

    /// <summary>
    /// A view over some rows; <paramref name="indicatorClass"/> ≥ 0 gives a 0/1 label for one class (one-vs-rest),
    /// <paramref name="logLabel"/> the natural logarithm of a positive regression target.
    /// </summary>
    public FeatureDataView View(int[]? rows, LabelKind kind, int indicatorClass = -1, bool logLabel = false)
    {
        float[] labels;
        lock (_labels)
        {
            if (!_labels.TryGetValue((kind, indicatorClass, logLabel), out labels!))
            {
                labels = new float[Y.Length];
                for (var i = 0; i < labels.Length; i++)
                {
                    labels[i] = indicatorClass >= 0 ? (Y[i] == indicatorClass ? 1 : 0) : logLabel ? (float)Math.Log(Y[i]) : (float)Y[i];
                }

                _labels[(kind, indicatorClass, logLabel)] = labels;
            }
        }

        return new FeatureDataView(Features, rows, labels, kind, ClassCount, HasText);
    }
}
