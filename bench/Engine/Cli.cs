using System.Globalization;

namespace AutoMl.Bench.Engine;

/// <summary>The verbs: train, predict, ingest (see bench/README.md).</summary>
internal static class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var options = Options.Parse(args.Skip(1));
        try
        {
            return args[0] switch
            {
                "train" => await TrainVerb.RunAsync(options),
                "predict" => await PredictVerb.RunAsync(options),
                "ingest" => await IngestBenchmark.RunAsync(options),
                "generate" => await GenerateVerb.RunAsync(options),
                "rows" => await RowLatencyVerb.RunAsync(options),
                _ => Fail($"Unknown verb '{args[0]}'.\n{Usage}"),
            };
        }
        catch (ArgumentException error)
        {
            return Fail(error.Message);
        }
        catch (AutoMl.Ml.Data.DataFormatException error)
        {
            return Fail(error.Message);
        }
        catch (AutoMl.Ml.Training.DataException error)
        {
            return Fail(error.Message);
        }
    }

    private const string Usage =
        "usage: train --train TRAIN.csv --target COL --budget SECONDS --model OUT.bundle [--metric M] [--seed N]\n" +
        "       predict --model OUT.bundle --input TEST_FEATURES.csv --output PRED.csv\n" +
        "       ingest --input BIG.csv [--memory-limit 1GB]\n" +
        "       generate --output FILE.csv [--rows 1000000] [--columns 50]\n" +
        "       rows --model OUT.bundle --input FEATURES.csv [--repeat 2000]   (one-row prediction latency)";

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
