using AutoMl.Domain.Jobs;

namespace AutoMl.Domain.Tests.Jobs;

public class TrainingPreflightTests
{
    private static TargetFacts Classes(params (string Value, long Count)[] counts) =>
        new("label", "categorical", counts.Sum(c => c.Count), 0, counts.Length, null, null, [.. counts.Select(c => new ValueCount(c.Value, c.Count))]);

    private static TargetFacts Numbers(long rows, long distinct, double min, double max, long missing = 0) =>
        new("amount", "numeric", rows, missing, distinct, min, max, []);

    private static string? Code(TargetFacts facts, string task, bool force = false) => TrainingPreflight.Check(facts, task, force)?.Code;

    [Fact]
    public void a_target_that_varies_over_enough_rows_passes()
    {
        Assert.Null(Code(Classes(("yes", 30), ("no", 25)), "binary"));
        Assert.Null(Code(Numbers(500, 230, 5, 50), "regression"));
    }

    [Fact]
    public void a_single_value_is_named()
    {
        var problem = TrainingPreflight.Check(Classes(("yes", 40)), "multiclass", force: true)!;
        Assert.Equal(("target-single-value", false), (problem.Code, problem.Overridable));
        Assert.Contains("'yes'", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void fewer_than_twenty_labelled_rows_are_refused_counting_only_rows_with_a_value()
    {
        Assert.Equal("too-few-labelled-rows", Code(Numbers(rows: 100, distinct: 19, min: 0, max: 50, missing: 81), "regression"));
        Assert.Null(Code(Numbers(rows: 100, distinct: 20, min: 0, max: 50, missing: 80), "regression"));
    }

    [Fact]
    public void regression_needs_numbers()
    {
        var text = Classes(("a", 20), ("b", 20)) with { Name = "colour" };
        var problem = TrainingPreflight.Check(text, "regression", force: true)!;
        Assert.Equal("regression-needs-numeric-target", problem.Code);
        Assert.Contains("'colour'", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void classification_takes_at_most_one_hundred_classes()
    {
        Assert.Equal("too-many-classes", Code(Numbers(rows: 1000, distinct: 101, min: 0, max: 100), "multiclass", force: true));
        // 100 classes in 199 rows: one class has a single row; in 200 rows each can have two.
        Assert.Equal("class-too-small", Code(Numbers(rows: 199, distinct: 100, min: 0, max: 99), "multiclass"));
        Assert.Null(Code(Numbers(rows: 200, distinct: 100, min: 0, max: 99), "multiclass"));
    }

    [Fact]
    public void binary_needs_exactly_two_classes()
    {
        Assert.Equal("binary-needs-two-classes", Code(Classes(("a", 20), ("b", 20), ("c", 20)), "binary"));
    }

    [Fact]
    public void a_class_with_one_row_is_named_when_it_is_among_the_stored_values()
    {
        var problem = TrainingPreflight.Check(Classes(("a", 30), ("b", 30), ("rare", 1)), "multiclass", force: true)!;
        Assert.Equal("class-too-small", problem.Code);
        Assert.Contains("'rare' has only 1 row", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("cross-validation", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void classes_beyond_the_stored_values_are_counted_from_the_rows_left_to_them()
    {
        // Ten stored classes of 5 rows; 3 more classes share 5 rows: one of them has a single row.
        var top = Enumerable.Range(0, 10).Select(i => new ValueCount($"c{i}", 5)).ToList();
        var tight = new TargetFacts("label", "categorical", 55, 0, 13, null, null, top);
        Assert.Equal("class-too-small", Code(tight, "multiclass"));
        Assert.Null(Code(tight with { Rows = 56 }, "multiclass"));
    }

    [Fact]
    public void a_row_number_as_target_is_a_warning_that_force_overrides()
    {
        var counter = Numbers(rows: 30, distinct: 30, min: 1001, max: 1030);
        var problem = TrainingPreflight.Check(counter, "regression", force: false)!;
        Assert.Equal(("target-looks-like-identifier", true), (problem.Code, problem.Overridable));
        Assert.Null(TrainingPreflight.Check(counter, "regression", force: true));
    }

    [Fact]
    public void a_unique_measurement_is_not_an_identifier()
    {
        Assert.Null(Code(Numbers(rows: 30, distinct: 30, min: 10.5, max: 99.2), "regression"));
        Assert.Null(Code(Numbers(rows: 30, distinct: 30, min: 100, max: 98_000), "regression"));
    }

    [Fact]
    public void free_text_is_a_warning_that_force_overrides()
    {
        var text = new TargetFacts("review", "text", 60, 0, 30, null, null, [new ValueCount("a long sentence about the product", 2)]);
        Assert.Equal("target-looks-like-free-text", Code(text, "multiclass"));
        Assert.Null(Code(text, "multiclass", force: true));
    }

    [Fact]
    public void force_never_overrides_a_problem_that_stops_training()
    {
        Assert.Equal("regression-needs-numeric-target",
            Code(new TargetFacts("review", "text", 60, 0, 30, null, null, [new ValueCount("x", 2)]), "regression", force: true));
    }

    [Fact]
    public void an_identifier_as_classes_is_named_as_such_but_cannot_be_forced()
    {
        var ids = new TargetFacts("customer", "id", 500, 0, 500, null, null, [.. Enumerable.Range(0, 10).Select(i => new ValueCount($"C{i}", 1))]);
        var problem = TrainingPreflight.Check(ids, "multiclass", force: true)!;
        Assert.Equal(("target-looks-like-identifier", false), (problem.Code, problem.Overridable));
        Assert.DoesNotContain("train anyway", problem.Detail, StringComparison.Ordinal);
    }
}
