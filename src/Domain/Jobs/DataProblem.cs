namespace AutoMl.Domain.Jobs;

/// <summary>
/// Why a data set cannot be trained on as asked: a stable <paramref name="Code"/> for programs, a title and a sentence
/// for people. An <paramref name="Overridable"/> problem is a warning: the user may train anyway (force).
/// </summary>
public sealed record DataProblem(string Code, string Title, string Detail, bool Overridable = false);
