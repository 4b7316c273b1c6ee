using AutoMl.Ml.Schema;
using AutoMl.Ml.Training;

namespace AutoMl.Ml.Tests;

public class SearchTests
{
    [Fact]
    public void the_search_never_proposes_a_configuration_it_already_ran()
    {
        // Few rows make the integer parameters coarse, so small steps around the best often round to a configuration run before.
        var search = new CfoSearch([Learner.LightGbm, Learner.FastForest], rows: 40, seed: 5, portfolio: [], leaders: null);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(1);

        for (var i = 0; i < 300; i++)
        {
            var config = search.Next(out _);
            Assert.True(seen.Add(config.ToString()), $"proposal {i} repeats {config}");
            search.Report(config, random.NextDouble(), 0.01);
        }
    }

    [Fact]
    public void a_repeated_portfolio_configuration_is_run_once()
    {
        var start = new TrialConfig(Learner.LightGbm, new Dictionary<string, double> { ["iterations"] = 50, ["leaves"] = 8 });
        var search = new CfoSearch([Learner.LightGbm], rows: 1000, seed: 1, portfolio: [start, start with { }], leaders: [start]);

        var first = search.Next(out var fromPortfolio);
        search.Report(first, 0.5, 0.1);
        var second = search.Next(out var secondFromPortfolio);

        Assert.True(fromPortfolio);
        Assert.Equal(start.ToString(), first.ToString());
        Assert.NotEqual(first.ToString(), second.ToString());
        Assert.False(secondFromPortfolio && second.ToString() == start.ToString());
    }

    [Fact]
    public void flaml_s_portfolio_puts_first_the_choice_of_the_nearest_training_task()
    {
        // FLAML's binary table, neighbour 1 (normalised 11.0969, -0.1615, 0, -0.5739): about 485,000 rows, 7 inputs of
        // which 3 numeric, searched on a 200,000-row sample. Its ranking starts with the configuration tuned on Airlines (2541 rounds, 1667 leaves); at ten
        // minutes only its 31,204-round configuration cannot fit, and the defaults are the leaders' own.
        ColumnSchema Input(int i, ColumnKind kind) => new($"c{i}", kind, "", 0, 0);
        var inputs = Enumerable.Range(0, 7).Select(i => Input(i, i < 3 ? ColumnKind.Numeric : ColumnKind.Categorical)).ToList();

        var configs = MetaPortfolio.For(TaskKind.Binary, 485_443, inputs, 2, TimeSpan.FromMinutes(10), 200_000, 1).ToList();

        Assert.Equal(2541, configs[0].Get("iterations", 0));
        Assert.Equal(1667, configs[0].Get("leaves", 0));
        Assert.Equal(3, configs.Count);
        Assert.All(configs, c => Assert.Equal(Learner.LightGbm, c.Learner));
    }

    [Fact]
    public void flaml_s_portfolio_leaves_out_what_cannot_fit_the_budget()
    {
        var inputs = Enumerable.Range(0, 7).Select(i => new ColumnSchema($"c{i}", ColumnKind.Numeric, "", 0, 0)).ToList();

        var configs = MetaPortfolio.For(TaskKind.Binary, 485_443, inputs, 2, TimeSpan.FromSeconds(60), 200_000, 1).ToList();

        Assert.DoesNotContain(configs, c => c.Get("iterations", 0) * 200_000 > 3e8);
        Assert.NotEmpty(configs);
    }
}
