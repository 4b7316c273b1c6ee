namespace AutoMl.Ml.Training;

/// <summary>
/// A cost-frugal search in the spirit of FLAML's CFO: every learner starts at its cheapest point,
/// proposes random-direction steps around its best point (FLOW2), tries the opposite direction when
/// a step fails, shrinks the step after repeated failures, and restarts when the step is tiny. Learners
/// are chosen by their estimated cost for improvement, so cheap promising learners get more trials.
/// A few proven starting points (a portfolio) are queued after the cheap round, as FLAML's
/// <c>points_to_evaluate</c>. A configuration is never run twice: integer parameters round, so small steps
/// often land on one already run, whose loss is then fed back without spending a trial on it.
/// </summary>
internal sealed class CfoSearch
{
    private const double MinStep = 0.005;
    private const int RepeatsBeforeJump = 20;
    private readonly Random _random;
    private readonly List<LearnerState> _states;
    private readonly Queue<TrialConfig> _queue = new();
    private readonly Dictionary<TrialConfig, (LearnerState State, double[] Unit, bool Proposed)> _pending = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, double> _seen = new(StringComparer.Ordinal);
    private double _globalBest = double.PositiveInfinity;

    public CfoSearch(IReadOnlyList<Learner> learners, int rows, int seed, IEnumerable<TrialConfig> portfolio, IEnumerable<TrialConfig>? leaders = null)
    {
        _random = new Random(seed);
        _states = learners.Select(l => new LearnerState(l, SearchSpace.For(l, rows))).ToList();
        foreach (var config in (leaders ?? []).Where(c => _states.Any(s => s.Learner == c.Learner)))
        {
            _queue.Enqueue(config);
        }

        foreach (var state in _states)
        {
            _queue.Enqueue(state.Config(state.Space.Select(p => p.ToUnit(p.Initial)).ToArray()));
        }

        foreach (var config in portfolio.Where(c => _states.Any(s => s.Learner == c.Learner)))
        {
            _queue.Enqueue(config);
        }
    }

    /// <summary>The next configuration to run; <paramref name="fromPortfolio"/> tells a queued starting point from a search step.</summary>
    public TrialConfig Next(out bool fromPortfolio)
    {
        while (_queue.Count > 0)
        {
            var queued = _queue.Dequeue();
            if (!FirstTime(queued))
            {
                continue;
            }

            var owner = _states.First(s => s.Learner == queued.Learner);
            _pending[queued] = (owner, owner.Space.Select(p => p.ToUnit(queued.Get(p.Name, p.Initial))).ToArray(), false);
            fromPortfolio = true;
            return queued;
        }

        fromPortfolio = false;
        var state = ChooseLearner();
        for (var attempt = 0; ; attempt++)
        {
            // After many repeats the neighbourhood is exhausted at this step size: a random point elsewhere is new.
            var unit = attempt < RepeatsBeforeJump ? state.Propose(_random) : state.Space.Select(_ => _random.NextDouble()).ToArray();
            var config = state.Config(unit);
            if (FirstTime(config) || attempt > 2 * RepeatsBeforeJump)
            {
                _pending[config] = (state, unit, true);
                return config;
            }

            state.Report(unit, _seen.GetValueOrDefault(Key(config), double.PositiveInfinity), 0, true);
        }
    }

    /// <summary>Whether the configuration is new, remembering it if so (its loss is filled in when reported).</summary>
    private bool FirstTime(TrialConfig config) => !Ablation.NoRepeats || _seen.TryAdd(Key(config), double.PositiveInfinity);

    private static string Key(TrialConfig config) => config.ToString();

    public void Report(TrialConfig config, double loss, double seconds)
    {
        if (!_pending.Remove(config, out var entry))
        {
            return;
        }

        _globalBest = Math.Min(_globalBest, loss);
        _seen[Key(config)] = loss;
        entry.State.Report(entry.Unit, loss, seconds, entry.Proposed);
    }

    private LearnerState ChooseLearner()
    {
        var candidates = _states.Where(s => s.Space.Count > 0).ToList();
        var weights = candidates.Select(s => 1.0 / Math.Max(1e-3, s.EstimatedCostForImprovement(_globalBest))).ToArray();
        var pick = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < candidates.Count; i++)
        {
            pick -= weights[i];
            if (pick <= 0)
            {
                return candidates[i];
            }
        }

        return candidates[^1];
    }

    private sealed class LearnerState(Learner learner, IReadOnlyList<HyperParameter> space)
    {
        private double[]? _best;
        private double _bestLoss = double.PositiveInfinity;
        private double _bestCost;
        private double _costSinceImprovement;
        private double _step = 0.1 * Math.Sqrt(Math.Max(1, space.Count));
        private double[]? _direction;
        private bool _triedOpposite;
        private int _failures;

        public Learner Learner { get; } = learner;

        public IReadOnlyList<HyperParameter> Space { get; } = space;

        public TrialConfig Config(double[] unit) =>
            new(Learner, Space.Select((p, i) => (p.Name, Value: p.FromUnit(unit[i]))).ToDictionary(x => x.Name, x => x.Value));

        public double EstimatedCostForImprovement(double globalBest)
        {
            var eci = Math.Max(_costSinceImprovement, _bestCost);
            if (double.IsInfinity(_bestLoss))
            {
                return eci;
            }

            var gap = (_bestLoss - globalBest) / Math.Max(1e-9, Math.Abs(globalBest));
            return eci * (1 + 20 * Math.Max(0, gap));
        }

        public double[] Propose(Random random)
        {
            var center = _best ?? Space.Select(p => p.ToUnit(p.Initial)).ToArray();
            if (_direction is not null && !_triedOpposite)
            {
                _triedOpposite = true;
                return Move(center, _direction, -_step);
            }

            _direction = RandomDirection(random, Space.Count);
            _triedOpposite = false;
            return Move(center, _direction, _step);
        }

        public void Report(double[] unit, double loss, double seconds, bool proposed)
        {
            _costSinceImprovement += seconds;
            if (loss < _bestLoss)
            {
                _bestLoss = loss;
                _best = unit;
                _bestCost = seconds;
                _costSinceImprovement = 0;
                _direction = null;
                _failures = 0;
                return;
            }

            if (!proposed || !_triedOpposite)
            {
                return;
            }

            _direction = null;
            if (++_failures >= 2 * Space.Count)
            {
                _failures = 0;
                _step *= 0.7;
                if (_step < MinStep)
                {
                    _step = 0.1 * Math.Sqrt(Space.Count);
                }
            }
        }

        private static double[] Move(double[] center, double[] direction, double step) =>
            center.Select((c, i) => Math.Clamp(c + step * direction[i], 0, 1)).ToArray();

        private static double[] RandomDirection(Random random, int dimensions)
        {
            var v = new double[dimensions];
            double norm = 0;
            for (var i = 0; i < dimensions; i++)
            {
                // Box-Muller: a normal vector gives a uniform direction on the sphere.
                v[i] = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                norm += v[i] * v[i];
            }

            norm = Math.Sqrt(norm);
            return v.Select(x => x / Math.Max(norm, 1e-12)).ToArray();
        }
    }
}
