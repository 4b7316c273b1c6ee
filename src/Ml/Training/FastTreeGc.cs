using System.Collections.Concurrent;
using System.Reflection;

namespace AutoMl.Ml.Training;

/// <summary>
/// ML.NET's FastTree and FastForest trainers force two full, blocking garbage collections at the start of every fit
/// (FastTreeTrainerBase.Initialize, while its AllowGC field is true, which every public constructor sets). An AutoML
/// search fits them thousands of times on a heap holding the ensemble pool: measured on pima_diabetes for 120 s in a
/// worker, about 1,200 such collections took 38–43 s of pauses, a third of the run, and every pause held the worker's
/// live events back by up to 450 ms (issue 31). The field is not public, so it is switched off by reflection; if a
/// later ML.NET renames it, <see cref="Off"/> changes nothing and a test says so.
/// </summary>
internal static class FastTreeGc
{
    private const string FieldName = "AllowGC";
    private static readonly ConcurrentDictionary<Type, FieldInfo?> Fields = new();

    public static T Off<T>(T trainer) where T : class
    {
        Field(trainer.GetType())?.SetValue(trainer, false);
        return trainer;
    }

    /// <summary>Whether <paramref name="trainer"/> will still force collections when it fits (null: no such switch found).</summary>
    public static bool? Forces(object trainer) => (bool?)Field(trainer.GetType())?.GetValue(trainer);

    private static FieldInfo? Field(Type type) => Fields.GetOrAdd(type, static t =>
    {
        for (var current = t; current is not null; current = current.BaseType)
        {
            if (current.GetField(FieldName, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly) is { FieldType: var ft } field
                && ft == typeof(bool))
            {
                return field;
            }
        }
        return null;
    });
}
