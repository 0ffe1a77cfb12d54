namespace Mobility.Experiments.Sweeps;

/// <summary>
/// The runs of a sweep: parameter points (as unit-cube coordinates, for the sensitivity estimators, and as values)
/// and, per point, one run per replicate. Run ids are dense and point-major: run = point * replications + replicate.
/// </summary>
public sealed class SweepPlan
{
    /// <param name="pointSeeds">Per point, the seed of its replicate 0 (replicate r runs with that + r); null: the design's
    /// seeds, the same at every point (common random numbers).</param>
    public SweepPlan(SweepDesign design, double[][] unitPoints, double[][] values, IReadOnlyList<ulong>? pointSeeds = null)
    {
        if (pointSeeds is not null && pointSeeds.Count != values.Length)
        {
            throw new ArgumentException("one seed per point expected", nameof(pointSeeds));
        }

        Design = design;
        UnitPoints = unitPoints;
        Values = values;
        var runs = new PlannedRun[checked(values.Length * design.Replications)];
        for (int p = 0; p < values.Length; p++)
        {
            for (int r = 0; r < design.Replications; r++)
            {
                int id = p * design.Replications + r;
                runs[id] = new PlannedRun(id, p, r, pointSeeds is null ? design.RunSeed(r) : pointSeeds[p] + (ulong)r);
            }
        }

        Runs = runs;
    }

    public SweepDesign Design { get; }

    /// <summary>Per point, its coordinates in [0, 1]^k (for a grid: level / (levels - 1)).</summary>
    public IReadOnlyList<double[]> UnitPoints { get; }

    /// <summary>Per point, the value of each parameter, in the design's parameter order.</summary>
    public IReadOnlyList<double[]> Values { get; }

    public IReadOnlyList<PlannedRun> Runs { get; }

    public int PointCount => Values.Count;

    /// <summary>The <c>path=value</c> overrides of a point's varied parameters (the design's fixed sets are part of its base).</summary>
    public IReadOnlyList<string> SetsFor(int point) => Design.Parameters.Select((p, i) => p.Set(Values[point][i])).ToArray();
}
