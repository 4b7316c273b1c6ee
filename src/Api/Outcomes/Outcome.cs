using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace AutoMl.Api.Outcomes;

/// <summary>
/// What a use case answers: what it made or found, or why it refused. Endpoints turn it into HTTP with
/// <see cref="OutcomeResults"/>, so every use case's refusals read the same.
/// </summary>
internal abstract record Outcome<T>
{
    private Outcome()
    {
    }

    public sealed record Done(T Value) : Outcome<T>;

    public sealed record Refused(Refusal Refusal) : Outcome<T>;

    public static implicit operator Outcome<T>(T value) => new Done(value);

    public static implicit operator Outcome<T>(Refusal refusal) => new Refused(refusal);

    public bool IsDone([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out Refusal? refusal)
    {
        (value, refusal) = this switch
        {
            Done d => (d.Value, null),
            Refused r => (default(T), r.Refusal),
            _ => throw new UnreachableException("An outcome is done or refused."),
        };
        return refusal is null;
    }

    public TResult Match<TResult>(Func<T, TResult> done, Func<Refusal, TResult> refused) => this switch
    {
        Done d => done(d.Value),
        Refused r => refused(r.Refusal),
        _ => throw new UnreachableException("An outcome is done or refused."),
    };
}
