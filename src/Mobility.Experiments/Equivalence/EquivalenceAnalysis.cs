namespace Mobility.Experiments.Equivalence;

using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

/// <summary>
/// Tests every requested metric, country and year of every scenario for equivalence of the new engine's replications
/// with the old one's: margin from the old replications (<see cref="EquivalenceMargin"/>), then the two one-sided
/// tests of the chosen design.
/// </summary>
public static class EquivalenceAnalysis
{
    /// <summary>The most replications a planning figure reports; beyond it the row is hopeless at this margin anyway.</summary>
    public const int MaxReplicationsNeeded = 1_000_000;

    /// <summary>The chance of passing that <see cref="EquivalenceRow.ReplicationsNeeded"/> plans for.</summary>
    public const double PlanningPower = 0.9;

    public static EquivalenceResult Run(
        ReplicatedValues oldRuns,
        ReplicatedValues newRuns,
        IEnumerable<EquivalenceKey> keys,
        EquivalenceDesign design,
        double alpha = TwoOneSidedTests.DefaultAlpha)
    {
        var rows = keys.Select(key => Row(key, oldRuns, newRuns, design, alpha)).ToArray();
        return new EquivalenceResult(rows, design, alpha);
    }

    /// <summary>
    /// Why the runs cannot be paired, one sentence each (empty when they can): every scenario must have the same
    /// replications with the same seeds in both.
    /// </summary>
    public static IReadOnlyList<string> PairingProblems(ReplicatedValues oldRuns, ReplicatedValues newRuns, IEnumerable<string> scenarios)
    {
        var problems = new List<string>();
        foreach (string scenario in scenarios)
        {
            var oldSeeds = oldRuns.SeedsOf(scenario);
            var newSeeds = newRuns.SeedsOf(scenario);
            if (!oldSeeds.Keys.Order().SequenceEqual(newSeeds.Keys.Order()))
            {
                problems.Add($"scenario '{scenario}': the old runs have replications {Span(oldSeeds.Keys)} and the new ones {Span(newSeeds.Keys)}; "
                    + "a paired design needs the same replications");
                continue;
            }

            foreach (int r in oldSeeds.Keys.Order().Where(r => oldSeeds[r] != newSeeds[r]).Take(1))
            {
                problems.Add($"scenario '{scenario}': replication {r} ran with seed {oldSeeds[r]} in the old runs and {newSeeds[r]} in the new ones; "
                    + "a paired design needs the same seeds (use the independent design for runs with different seeds)");
            }
        }

        return problems;
    }

    private static string Span(IEnumerable<int> replicates)
    {
        int[] r = [.. replicates.Order()];
        return r.Length == 0 ? "none" : r.Length == 1 ? r[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{r[0]}-{r[^1]} ({r.Length})";
    }

    private static EquivalenceRow Row(EquivalenceKey key, ReplicatedValues oldRuns, ReplicatedValues newRuns, EquivalenceDesign design, double alpha)
    {
        IReadOnlyList<double> oldValues = oldRuns.Of(key);
        IReadOnlyList<double> newValues = newRuns.Of(key);
        bool testable = oldValues.Count >= 2 && newValues.Count >= 2
            && !oldValues.Any(double.IsNaN) && !newValues.Any(double.IsNaN)
            && (design == EquivalenceDesign.Independent || oldRuns.ReplicatesOf(key).SequenceEqual(newRuns.ReplicatesOf(key)));
        double oldMean = oldValues.Count > 0 ? oldValues.Mean() : double.NaN;
        double newMean = newValues.Count > 0 ? newValues.Mean() : double.NaN;
        double oldSd = oldValues.Count > 1 ? oldValues.StandardDeviation() : double.NaN;
        double newSd = newValues.Count > 1 ? newValues.StandardDeviation() : double.NaN;
        if (!testable)
        {
            var nothing = new TostResult(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, false);
            return new EquivalenceRow(key, oldValues.Count, newValues.Count, oldMean, newMean, oldSd, newSd, double.NaN, nothing, EquivalenceVerdict.Missing, null);
        }

        double margin = EquivalenceMargin.For(oldMean, oldSd);
        TostResult test = design == EquivalenceDesign.Paired
            ? TwoOneSidedTests.Paired(oldValues, newValues, margin, alpha)
            : TwoOneSidedTests.Independent(oldValues, newValues, margin, alpha);
        // Shown different only when the whole interval lies beyond the margin; an interval across a margin end says
        // nothing either way (with independent samples a point estimate beyond the margin is often just noise).
        bool beyond = test.Low >= margin || test.High <= -margin;
        EquivalenceVerdict verdict = test.Equivalent ? EquivalenceVerdict.Equivalent
            : beyond ? EquivalenceVerdict.Shifted
            : EquivalenceVerdict.Inconclusive;
        int? needed = verdict == EquivalenceVerdict.Shifted ? null : ReplicationsNeeded(margin, alpha, DifferenceVariance(oldValues, newValues, design), design);
        return new EquivalenceRow(key, oldValues.Count, newValues.Count, oldMean, newMean, oldSd, newSd, margin, test, verdict, needed);
    }

    /// <summary>
    /// What n replications per engine contribute to the variance of the difference: paired, the variance of the
    /// per-replication differences (the standard error is sqrt(v / n)); independent, the two variances (v_old, v_new).
    /// </summary>
    private static (double Old, double New) DifferenceVariance(IReadOnlyList<double> oldValues, IReadOnlyList<double> newValues, EquivalenceDesign design)
    {
        if (design == EquivalenceDesign.Independent)
        {
            return (oldValues.Variance(), newValues.Variance());
        }

        var differences = new double[oldValues.Count];
        for (int r = 0; r < differences.Length; r++)
        {
            differences[r] = newValues[r] - oldValues[r];
        }

        return (differences.Variance(), 0);
    }

    /// <summary>
    /// The sample size of an equivalence test (Chow, Shao and Wang, Sample Size Calculations in Clinical Research,
    /// 2008, section 3.2): the smallest n (replications per engine) at which, were the engines truly identical (true
    /// difference 0) with these variances, the test would pass with probability <see cref="PlanningPower"/>, i.e.
    /// (t(1 - alpha) + t(1 - beta/2)) x standard error(n) &lt;= margin; null beyond <see cref="MaxReplicationsNeeded"/>.
    /// </summary>
    internal static int? ReplicationsNeeded(double margin, double alpha, (double Old, double New) variance, EquivalenceDesign design)
    {
        double total = variance.Old + variance.New;
        if (total == 0)
        {
            return 2; // no spread: the difference is known exactly from any two replications
        }

        if (!(margin > 0))
        {
            return null;
        }

        double beta = 1 - PlanningPower;
        bool Fits(int n)
        {
            double degrees = design == EquivalenceDesign.Paired
                ? n - 1
                : TwoOneSidedTests.WelchDegreesOfFreedom(variance.Old / n, n, variance.New / n, n);
            double quantiles = StudentT.InvCDF(0, 1, degrees, 1 - alpha) + StudentT.InvCDF(0, 1, degrees, 1 - (beta / 2));
            return quantiles * Math.Sqrt(total / n) <= margin;
        }

        // The left side falls with n (smaller standard error, lighter t tails): double, then bisect.
        int high = 2;
        while (!Fits(high))
        {
            if (high >= MaxReplicationsNeeded)
            {
                return null;
            }

            high = Math.Min(high * 2, MaxReplicationsNeeded);
        }

        int low = high / 2;
        if (low < 2)
        {
            return high;
        }

        while (high - low > 1)
        {
            int middle = low + ((high - low) / 2);
            if (Fits(middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }
}
