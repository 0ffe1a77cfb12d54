namespace Mobility.Experiments.Posterior;

/// <summary>The size of an annealed ABC-SMC run and when it stops.</summary>
public sealed record AbcSmcOptions
{
    /// <summary>Particles per generation (N): every generation simulates N proposals; the posterior pools every generation's.</summary>
    public int Particles { get; init; } = 200;

    /// <summary>Generations at most, counting generation 0 (the prior sample). Reached before temperature 1, the result is a tempered posterior (wider than the posterior).</summary>
    public int MaxGenerations { get; init; } = 12;

    /// <summary>Generations at least, counting generation 0: a run that reaches temperature 1 earlier goes on at temperature 1, each generation adding its effective particles to the pooled posterior.</summary>
    public int MinGenerations { get; init; } = 2;

    /// <summary>Each generation's temperature is the lowest that keeps the pooled effective sample size at least this share of N (0.5: N/2); at temperature 1 the run stops once the pool has it.</summary>
    public double EssFraction { get; init; } = 0.5;

    /// <summary>
    /// The perturbation kernel's covariance is this times the previous generation's weighted covariance. Beaumont et al.
    /// (2009) use 2, which explores widely but, with importance weights, costs effective sample size in proportion to
    /// the dimension: for a normal target the proposal mixture keeps a share ((1 + k) / sqrt(1 + 2k))^-d of the
    /// particles effective, 0.07 at k = 2 and d = 9, 0.59 at k = 0.5 (docs/uncertainty.md).
    /// </summary>
    public double KernelScale { get; init; } = 0.5;

    /// <summary>
    /// Share of each generation's proposals drawn from the prior instead of the kernel mixture (defensive importance
    /// sampling, Hesterberg 1995): it bounds every importance weight by 1 / share, where a kernel mixture of few
    /// effective particles in many dimensions is lumpy and would give a few proposals most of the weight.
    /// </summary>
    public double PriorShare { get; init; } = 0.1;

    /// <summary>Simulations in all at most (null: no limit); a generation that would exceed it is not started.</summary>
    public long? MaxSimulations { get; init; }

    /// <summary>Seeds every random number of the algorithm (proposals and the simulations' seeds).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Attempts at a proposal inside the prior's support before giving up (the kernel is re-drawn, ancestor included).</summary>
    public int MaxAttempts { get; init; } = 10_000;

    /// <summary>The problems with these options, each naming the command-line option (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Particles < 2)
        {
            problems.Add($"--particles must be >= 2 (was {Particles})");
        }

        if (MaxGenerations < 1 || MinGenerations < 1 || MinGenerations > MaxGenerations)
        {
            problems.Add($"--generations must be >= 1 and >= --min-generations >= 1 (were {MaxGenerations} and {MinGenerations})");
        }

        if (!(EssFraction > 0 && EssFraction < 1))
        {
            problems.Add(FormattableString.Invariant($"--ess-fraction must be in (0, 1) (was {EssFraction})"));
        }

        if (!(KernelScale > 0) || !double.IsFinite(KernelScale))
        {
            problems.Add(FormattableString.Invariant($"--kernel-scale must be a positive number (was {KernelScale})"));
        }

        if (!(PriorShare >= 0 && PriorShare < 1))
        {
            problems.Add(FormattableString.Invariant($"--prior-share must be in [0, 1) (was {PriorShare})"));
        }

        if (MaxSimulations is long budget && budget < Particles)
        {
            problems.Add($"--max-simulations must cover generation 0, at least --particles ({Particles}) (was {budget})");
        }

        return problems;
    }

    public void Validate()
    {
        IReadOnlyList<string> problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AbcSmcOptions), string.Join("; ", problems));
        }
    }
}
