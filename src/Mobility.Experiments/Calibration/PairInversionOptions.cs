namespace Mobility.Experiments.Calibration;

/// <summary>How the pair constants are inverted (<see cref="PairInversion"/>); the defaults are documented in docs/calibration.md.</summary>
public sealed record PairInversionOptions
{
    /// <summary>Iterations at most (each is <see cref="Replications"/> runs).</summary>
    public int Iterations { get; init; } = 12;

    /// <summary>Share of the step taken (below 1: a constant's change moves other pairs' values too, through shares and seats).</summary>
    public double Damping { get; init; } = 0.8;

    /// <summary>Weight of the prior that the constant is 0 (the structural model's prediction), in units of a high-confidence figure.</summary>
    public double Prior { get; init; } = 0.1;

    /// <summary>Scale of the Huber loss the iterations minimise (the objective's, ln 1.5).</summary>
    public double HuberScale { get; init; } = FitMetrics.HuberScale;

    /// <summary>A constant moves by at most this much in one iteration.</summary>
    public double MaxStep { get; init; } = 1.0;

    /// <summary>Bound on a constant (|delta| at most this), for pairs whose simulated value does not respond.</summary>
    public double MaxShift { get; init; } = 5.0;

    /// <summary>Stop when no constant moves by more than this in an iteration.</summary>
    public double Tolerance { get; init; } = 0.01;

    /// <summary>Runs per iteration, seeded from scenario:seed as a comparison's are (the same seeds every iteration).</summary>
    public int Replications { get; init; } = 2;

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The origin and host totals (<see cref="CountryPair.OriginTotal"/>, <see cref="CountryPair.HostTotal"/>) whose
    /// shifts are inverted with the pair constants, from these values (the scenario's), to the figures about all of an
    /// origin's students abroad or all of a host's foreign students; not shrunk (fixed effects). Empty: none.
    /// </summary>
    public IReadOnlyDictionary<CountryPair, double> Totals { get; init; } = new Dictionary<CountryPair, double>();

    /// <summary>Report spin-up years from this year on (see <see cref="ObservationWindow"/>).</summary>
    public int? ReportFrom { get; init; }
}
