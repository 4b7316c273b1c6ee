using System.CommandLine;
using System.CommandLine.Parsing;
using AutoMl.Sdk;

namespace AutoMl.Cli.Commands;

/// <summary>An endpoint's second alias as `endpoints create` and `endpoints update` take it: --challenger with --percent (a split), or --shadow.</summary>
internal sealed class ChallengerOptions
{
    private readonly Option<string?> challenger = new("--challenger") { Description = "A second alias answering --percent of the requests (a split)." };
    private readonly Option<int?> percent = new("--percent")
    {
        Description = "The challenger's share of requests, 1 to 99.",
        // A message a person reads, instead of the default one naming System.Nullable`1[System.Int32].
        CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            r.AddError($"--percent takes a whole number from 1 to 99, not '{text}'.");
            return null;
        },
    };
    private readonly Option<string?> shadow = new("--shadow") { Description = "A second alias that scores every request unseen; its answers are only logged." };

    public void AddTo(Command command)
    {
        command.Options.Add(challenger);
        command.Options.Add(percent);
        command.Options.Add(shadow);
        command.Validators.Add(result =>
        {
            // Whether --percent was given, not its value: reading a value that did not parse throws here.
            var share = result.GetResult(percent) is not null;
            var split = result.GetValue(challenger) is not null;
            if (split && result.GetValue(shadow) is not null)
            {
                result.AddError("Give --challenger (a split) or --shadow, not both.");
            }
            else if (split != share)
            {
                result.AddError("--challenger and --percent go together: --challenger staging --percent 10.");
            }
        });
    }

    public bool Given(CommandResult result) => result.GetValue(challenger) is not null || result.GetValue(shadow) is not null;

    public Challenger? Read(ParseResult parse) =>
        parse.GetValue(challenger) is { } split ? new Challenger { Alias = split, Percent = parse.GetValue(percent) ?? 0, Mode = ChallengerModes.Split }
        : parse.GetValue(shadow) is { } unseen ? new Challenger { Alias = unseen, Mode = ChallengerModes.Shadow }
        : null;
}
