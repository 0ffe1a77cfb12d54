namespace Mobility.Experiments.Equivalence;

/// <summary>Every test of an equivalence check, with the design and level they used.</summary>
public sealed class EquivalenceResult
{
    public EquivalenceResult(IReadOnlyList<EquivalenceRow> rows, EquivalenceDesign design, double alpha)
    {
        Rows = rows;
        Design = design;
        Alpha = alpha;
    }

    /// <summary>In scenario, country, metric and year order, as requested.</summary>
    public IReadOnlyList<EquivalenceRow> Rows { get; }

    public EquivalenceDesign Design { get; }

    public double Alpha { get; }

    public int Passed => Rows.Count(r => r.Equivalent);

    public int Failed => Rows.Count - Passed;

    /// <summary>
    /// True when every test passed. Requiring all of them is an intersection-union test (Berger 1982): the claim "the
    /// engines are equivalent on every quantity" is wrong with probability at most alpha without any correction for
    /// the number of tests; the price is that each test must pass.
    /// </summary>
    public bool AllEquivalent => Rows.Count > 0 && Failed == 0;

    /// <summary>
    /// The rows to read first: nothing tested, then shifted (farthest beyond the margin first), then inconclusive
    /// (widest interval relative to the margin first), then the passes in their order.
    /// </summary>
    public IReadOnlyList<EquivalenceRow> FailuresFirst()
    {
        static double Excess(EquivalenceRow r) => r.Verdict switch
        {
            EquivalenceVerdict.Shifted => Math.Abs(r.Test.Difference) / Math.Max(r.Margin, double.Epsilon),
            EquivalenceVerdict.Inconclusive => Math.Max(Math.Abs(r.Test.Low), Math.Abs(r.Test.High)) / Math.Max(r.Margin, double.Epsilon),
            _ => 0,
        };

        static int Rank(EquivalenceVerdict v) => v switch
        {
            EquivalenceVerdict.Missing => 0,
            EquivalenceVerdict.Shifted => 1,
            EquivalenceVerdict.Inconclusive => 2,
            _ => 3,
        };

        return Rows.Select((row, index) => (row, index))
            .OrderBy(x => Rank(x.row.Verdict))
            .ThenByDescending(x => Excess(x.row))
            .ThenBy(x => x.index)
            .Select(x => x.row)
            .ToArray();
    }

    /// <summary>The largest <see cref="EquivalenceRow.ReplicationsNeeded"/> among the inconclusive rows, or null if none has one.</summary>
    public int? ReplicationsNeededForInconclusive()
        => Rows.Where(r => r.Verdict == EquivalenceVerdict.Inconclusive).Max(r => r.ReplicationsNeeded);
}
