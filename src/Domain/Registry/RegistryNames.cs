using System.Text.RegularExpressions;

namespace AutoMl.Domain.Registry;

/// <summary>
/// The names a client puts in a URL: registered models, endpoints and aliases. Lower-case letters, digits and dashes,
/// starting with a letter, so a name is the same in a path, a CLI argument and a log line without escaping.
/// </summary>
public static partial class RegistryNames
{
    public const int MaxLength = 64;
    public const int MaxAliasLength = 32;

    /// <summary>Set by the platform: what production named before its last move, the one-call rollback.</summary>
    public const string Previous = "previous";

    public const string Production = "production";

    public static string? NameProblem(string? name, string what) =>
        name is null || !Pattern().IsMatch(name) || name.Length > MaxLength
            ? $"A {what} name has 1 to {MaxLength} lower-case letters, digits and dashes, starting with a letter (for example churn-model)."
            : null;

    public static string? AliasProblem(string? alias) =>
        alias is null || !Pattern().IsMatch(alias) || alias.Length > MaxAliasLength
            ? $"An alias has 1 to {MaxAliasLength} lower-case letters, digits and dashes, starting with a letter (for example production or staging)."
            : alias == Previous
                ? "The alias previous is kept by the platform: it names the version production held before its last move. Roll back by moving production to that version."
                : null;

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex Pattern();
}
