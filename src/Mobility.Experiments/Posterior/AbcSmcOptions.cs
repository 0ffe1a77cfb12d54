namespace Mobility.Experiments.Posterior;

/// <summary>The size of an ABC-SMC run and when it stops.</summary>
public sealed record AbcSmcOptions
{
    /// <summary>Particles per generation (N): the posterior has this many weighted draws.</summary>
    public int Particles { get; init; } = 200;

    /// <summary>Generations at most, counting generation 0 (the prior sample).</summary>
    public int MaxGenerations { get; init; } = 8;

    /// <summary>The next tolerance is this quantile of the previous generation's distances (0.5: the median, as in pyABC).</summary>
    public double Quantile { get; init; } = 0.5;

    /// <summary>
    /// Acceptance-rate floor: a generation that would need more than N / MinAcceptance simulations is abandoned and the
    /// previous one is the posterior (the tolerance has become too tight to be worth its cost).
    /// </summary>
    public double MinAcceptance { get; init; } = 0.02;

    /// <summary>Stop when the tolerance would shrink by less than this share of itself (the population no longer moves).</summary>
    public double MinToleranceDecrease { get; init; } = 0.01;

    /// <summary>Simulations in all at most (null: no limit); a generation that would exceed it is abandoned.</summary>
    public long? MaxSimulations { get; init; }

    /// <summary>Seeds every random number of the algorithm (proposals and the simulations' seeds).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Attempts at a proposal inside the prior's support before giving up (the kernel is re-drawn, ancestor included).</summary>
    public int MaxAttempts { get; init; } = 10_000;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Particles, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxGenerations, 1);
        if (!(Quantile > 0 && Quantile < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Quantile), Quantile, "the tolerance quantile must be in (0, 1)");
        }

        if (!(MinAcceptance > 0 && MinAcceptance <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinAcceptance), MinAcceptance, "the acceptance floor must be in (0, 1]");
        }

        if (!(MinToleranceDecrease >= 0 && MinToleranceDecrease < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinToleranceDecrease), MinToleranceDecrease, "the minimum tolerance decrease must be in [0, 1)");
        }
    }
}
