using System.Globalization;

namespace AutoMl.Bench.Load;

/// <summary>Everything a run can vary, from LOAD_* environment variables (bench/load.sh sets them).</summary>
internal sealed record LoadSettings
{
    public required Uri BaseAddress { get; init; }

    /// <summary>The API instances behind nginx, warmed one by one before the first step (infra/multi.sh's ports).</summary>
    public required Uri[] Instances { get; init; }
    public required string Postgres { get; init; }
    public required string Repo { get; init; }
    public required string Dataset { get; init; }
    public required string Target { get; init; }

    /// <summary>Virtual users per step; the run stops stepping at the first step over the error or p99 bound.</summary>
    public required int[] Steps { get; init; }
    public TimeSpan StepDuration { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>The first part of a step, while its new users ramp in, is not measured.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Mean pause between one user's requests (exponential, as a person reading a page).</summary>
    public double ThinkSeconds { get; init; } = 8;

    /// <summary>Training jobs submitted per second across all users, whatever the user count (each one is 10 s of a worker's CPU).</summary>
    public double JobsPerSecond { get; init; } = 0.1;
    public int BudgetSeconds { get; init; } = 10;

    /// <summary>Users holding a SignalR connection open for the whole run.</summary>
    public int Hubs { get; init; } = 2000;

    /// <summary>Users that own a model and call online prediction (the API caches 64 models per instance).</summary>
    public int Predictors { get; init; } = 40;

    /// <summary>Users who sign up through the API (the rest are seeded in SQL: 10,000 password hashes would take the machine for minutes).</summary>
    public int ApiSignups { get; init; } = 40;

    /// <summary>Distinct loopback source addresses (127.1.x.y), so nginx's per-IP limit sees many clients, as in production.</summary>
    public int SourceAddresses { get; init; } = 250;

    public bool Faults { get; init; }
    public int FaultUsers { get; init; } = 1000;
    public TimeSpan FaultDuration { get; init; } = TimeSpan.FromSeconds(150);
    public TimeSpan SettleLimit { get; init; } = TimeSpan.FromMinutes(6);

    public double MaxErrorRate { get; init; } = 0.001;
    public double MaxP99Ms { get; init; } = 500;
    public double MaxP95Ms { get; init; } = 200;

    /// <summary>The p99 at which stepping stops; above <see cref="MaxP99Ms"/> it finds the error-free capacity of a slow machine.</summary>
    public double StopP99Ms { get; init; } = 500;

    public string? ResultPath { get; init; }

    /// <summary>Redis as the API reaches it (host:port), for the commands-per-request count of the cost probe.</summary>
    public string Redis { get; init; } = "";

    /// <summary>The API processes whose CPU the cost probe reads (LOAD_API_PIDS); empty: infra/multi.sh's pid files.</summary>
    public int[] ApiPids { get; init; } = [];

    /// <summary>Runs the cost probe (CostProbe.cs) after the warm-up (LOAD_COST=1), or only it (LOAD_COST=only).</summary>
    public string Cost { get; init; } = "";
    public double CostRate { get; init; } = 50;
    public double CostSeconds { get; init; } = 12;

    /// <summary>A command run in the background as the cost probe's load on <see cref="TraceRoute"/> starts (a dotnet-trace collect; LOAD_TRACE_COMMAND).</summary>
    public string TraceCommand { get; init; } = "";
    public string TraceRoute { get; init; } = "GET /api/v1/jobs";

    /// <summary>Only these routes in the cost probe (LOAD_COST_ROUTES, comma-separated as the report names them); the baseline always runs.</summary>
    public string[] CostRoutes { get; init; } = [];

    /// <summary>
    /// Surge mode (LOAD_SURGE=1): after seeding, the API instances are restarted (<see cref="SurgeRestart"/>) and every
    /// user of the top step and every hub connection arrive at once on them, with no warm-up and no smaller step first.
    /// </summary>
    public bool Surge { get; init; }
    public string SurgeRestart { get; init; } = "";

    /// <summary>Cores the measured API instances have (bench/capacity.sh): the verdict is then also given as users per core.</summary>
    public double CapacityCores { get; init; }

    public static LoadSettings FromEnvironment(string[] args)
    {
        static string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : fallback;
        static double Number(string name, double fallback) => double.Parse(Env(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var repo = Env("LOAD_REPO", Directory.GetCurrentDirectory());
        return new LoadSettings
        {
            BaseAddress = new Uri(Env("LOAD_URL", "http://127.0.0.1:8080")),
            Instances = [.. Env("LOAD_INSTANCES", "http://127.0.0.1:8081,http://127.0.0.1:8082,http://127.0.0.1:8083").Split(',').Select(u => new Uri(u))],
            Postgres = Env("LOAD_POSTGRES", Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? ""),
            Repo = repo,
            Dataset = Env("LOAD_DATASET", Path.Combine(repo, "tests/data/ml/penguins.csv")),
            Target = Env("LOAD_TARGET", "species"),
            Steps = Env("LOAD_STEPS", "250,500,1000,2000,4000,7000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
            StepDuration = TimeSpan.FromSeconds(Number("LOAD_STEP_SECONDS", 40)),
            Warmup = TimeSpan.FromSeconds(Number("LOAD_WARMUP_SECONDS", 10)),
            ThinkSeconds = Number("LOAD_THINK_SECONDS", 8),
            JobsPerSecond = Number("LOAD_JOBS_PER_SECOND", args.Contains("--faults") ? 0.3 : 0.1),
            BudgetSeconds = (int)Number("LOAD_BUDGET_SECONDS", 10),
            Hubs = (int)Number("LOAD_HUBS", 2000),
            Predictors = (int)Number("LOAD_PREDICTORS", 40),
            ApiSignups = (int)Number("LOAD_API_SIGNUPS", 40),
            SourceAddresses = (int)Number("LOAD_SOURCE_ADDRESSES", 250),
            Faults = args.Contains("--faults"),
            FaultUsers = (int)Number("LOAD_FAULT_USERS", 1000),
            FaultDuration = TimeSpan.FromSeconds(Number("LOAD_FAULT_SECONDS", 150)),
            SettleLimit = TimeSpan.FromSeconds(Number("LOAD_SETTLE_SECONDS", 360)),
            StopP99Ms = Number("LOAD_STOP_P99_MS", 500),
            ResultPath = Environment.GetEnvironmentVariable("LOAD_RESULT"),
            Redis = Env("LOAD_REDIS", Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? ""),
            ApiPids = [.. Env("LOAD_API_PIDS", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))],
            Cost = Env("LOAD_COST", ""),
            CostRate = Number("LOAD_COST_RATE", 50),
            CostSeconds = Number("LOAD_COST_SECONDS", 12),
            TraceCommand = Env("LOAD_TRACE_COMMAND", ""),
            TraceRoute = Env("LOAD_TRACE_ROUTE", "GET /api/v1/jobs"),
            CostRoutes = Env("LOAD_COST_ROUTES", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Surge = Env("LOAD_SURGE", "0") == "1",
            SurgeRestart = Env("LOAD_SURGE_RESTART", ""),
            CapacityCores = Number("LOAD_CAPACITY_CORES", 0),
        };
    }
}
