using System.Globalization;

namespace AutoMl.Domain.Jobs;

/// <summary>
/// The data mistakes a training job is checked for before it holds any credits, from the data set's stored profile.
/// Problems that no setting can fix come first; the warnings (a target that looks like an identifier or free text)
/// come last and only when the user has not said to train anyway, so forcing never runs into a rule that stops it.
/// A warning is offered (overridable) only when training could run: forced, it passes.
/// </summary>
public static class TrainingPreflight
{
    public const int MinLabelledRows = 20;
    public const int MaxClasses = 100;
    public const int MinRowsPerClass = 2;

    /// <summary>Distinct values in this share of the labelled rows or more make a column look like an identifier.</summary>
    public const double IdentifierDistinctShare = 0.95;

    /// <summary>How the engine validates (src/Ml/Training/FoldPlan), in the words the class rule gives as its reason.</summary>
    private const string Validation =
        "training validates every class on rows it was not trained on (5-fold cross-validation, or a 20% holdout from 10,000 rows)";

    /// <param name="target">The stored profile of the column to predict.</param>
    /// <param name="task">The task the job will train: binary, multiclass or regression (the requested one, else the inferred one).</param>
    /// <param name="force">The user chose to train anyway: warnings are skipped, hard problems are not.</param>
    public static DataProblem? Check(TargetFacts target, string task, bool force)
    {
        ArgumentNullException.ThrowIfNull(target);
        var blocking = Blocking(target, task);
        if (blocking is null)
        {
            return force ? null : Warning(target, task, overridable: true);
        }
        // An identifier or free text as classes mostly fails on the class rules; saying what the column looks like
        // explains it better, and as nothing overrides it, it is not offered as a warning.
        return blocking.Code is "too-many-classes" or "class-too-small" ? Warning(target, task, overridable: false) ?? blocking : blocking;
    }

    private static DataProblem? Blocking(TargetFacts t, string task)
    {
        var name = t.Name;
        if (t.Distinct == 1)
        {
            var value = t.TopValues.Count > 0 ? $" ('{t.TopValues[0].Value}')" : t.Min is { } v ? $" ({Number(v)})" : "";
            return new("target-single-value", "Target has a single value",
                $"Every row of '{name}' has the same value{value}, so there is nothing to predict. Choose a column whose values differ from row to row.");
        }
        if (t.Labelled < MinLabelledRows)
        {
            return new("too-few-labelled-rows", "Too few labelled rows",
                $"Only {t.Labelled} {(t.Labelled == 1 ? "row has" : "rows have")} a value in '{name}'; training needs at least {MinLabelledRows}. "
                + "Add rows with a value in this column, or choose another target.");
        }
        if (task == "regression" && !t.IsNumeric)
        {
            return new("regression-needs-numeric-target", "Regression needs a numeric target",
                $"'{name}' holds {Described(t.Kind)}, not numbers, so it cannot be predicted by regression. "
                + "Choose classification (binary or multiclass), or a numeric target.");
        }
        if (task == "regression")
        {
            return null;
        }
        if (t.Distinct > MaxClasses)
        {
            return new("too-many-classes", "Too many classes",
                $"'{name}' has {t.Distinct:N0} different values; classification handles at most {MaxClasses} classes. "
                + (t.IsNumeric ? "Choose the regression task to predict it as a number, or another target." : "Group its values into fewer classes, or choose another target."));
        }
        if (task == "binary" && t.Distinct != 2)
        {
            return new("binary-needs-two-classes", "Binary classification needs two classes",
                $"'{name}' has {t.Distinct} different values; binary classification needs exactly 2. Choose multiclass, or leave the task to be inferred.");
        }
        return RareClass(t);
    }

    private static DataProblem? RareClass(TargetFacts t)
    {
        string Detail(string which) =>
            $"In '{t.Name}', {which}; every class needs at least {MinRowsPerClass} rows because {Validation}. "
            + "Add rows of that class, merge it into another, or remove its rows.";

        var rare = t.TopValues.LastOrDefault(v => v.Count < MinRowsPerClass);
        if (rare is not null)
        {
            return new("class-too-small", "A class has too few rows",
                Detail($"the class '{rare.Value}' has only {rare.Count} {(rare.Count == 1 ? "row" : "rows")}"));
        }
        // Only the most frequent values are stored; the others share what is left, and when it is less than two rows
        // each, some class has a single row.
        var unlistedClasses = t.Distinct - t.TopValues.Count;
        var unlistedRows = t.Labelled - t.TopValues.Sum(v => v.Count);
        if (unlistedClasses > 0 && unlistedRows < MinRowsPerClass * unlistedClasses)
        {
            return new("class-too-small", "A class has too few rows",
                Detail($"{t.Distinct} classes share {t.Labelled} rows, so at least one class has a single row"));
        }
        return null;
    }

    private static DataProblem? Warning(TargetFacts t, string task, bool overridable)
    {
        var advice = overridable ? "Choose another target, or train anyway." : "Choose another target.";
        if (LooksLikeIdentifier(t))
        {
            return new("target-looks-like-identifier", "Target looks like an identifier",
                $"'{t.Name}' has a different value in almost every row ({t.Distinct:N0} values in {t.Labelled:N0} rows), like an id or a row number, "
                + $"which a model cannot learn to predict. {advice}", overridable);
        }
        if (t.Kind == "text")
        {
            return new("target-looks-like-free-text", "Target looks like free text",
                $"'{t.Name}' holds free text (long, mostly different sentences), which makes a poor {(task == "regression" ? "target" : "set of classes")}. "
                + advice, overridable);
        }
        return null;
    }

    private static bool LooksLikeIdentifier(TargetFacts t)
    {
        if (t.Kind == "id")
        {
            return true;
        }
        var nearlyUnique = t.Distinct >= IdentifierDistinctShare * t.Labelled;
        if (!nearlyUnique)
        {
            return false;
        }
        if (t.Kind is "categorical" or "boolean")
        {
            return true;
        }
        // A measured quantity can be unique in every row too (prices, weights); only whole numbers packed as densely as
        // a counter (max − min close to the row count) read as numbering.
        return t is { IsNumeric: true, Min: { } min, Max: { } max }
            && double.IsInteger(min) && double.IsInteger(max)
            && max - min + 1 <= t.Labelled / IdentifierDistinctShare;
    }

    private static string Described(string kind) => kind switch
    {
        "boolean" => "yes/no values",
        "datetime" => "dates",
        "text" => "text",
        "id" => "identifiers",
        _ => "categories",
    };

    private static string Number(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
