namespace Mobility.Output.Equivalence;

using System.Globalization;
using System.Text;
using Mobility.Experiments.Equivalence;
using Mobility.Output.Files;

/// <summary>
/// <c>equivalence.csv</c>: one line per scenario, country, metric and year tested, in that order. The first fifteen
/// columns are the test (means, sds, margin, difference new - old with its 90% interval, the two one-sided
/// p-values, the verdict as true/false); the last six say how (verdict in words, design, replications per engine,
/// degrees of freedom, replications a pass would need). Numbers in round-trip form; empty cells where nothing could
/// be computed.
/// </summary>
public static class EquivalenceCsv
{
    public const string FileName = "equivalence.csv";

    public static readonly IReadOnlyList<string> Columns =
    [
        "scenario", "country", "metric", "year", "old_mean", "new_mean", "old_sd", "new_sd", "margin", "diff",
        "ci90_low", "ci90_high", "p_lower", "p_upper", "equivalent",
        "verdict", "design", "old_n", "new_n", "df", "replications_needed",
    ];

    public static string Format(EquivalenceResult result)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Columns).Append('\n');
        string design = DesignName(result.Design);
        foreach (EquivalenceRow row in result.Rows)
        {
            TostResult t = row.Test;
            text.AppendJoin(',',
                Quote(row.Key.Scenario), Quote(row.Key.Country), Quote(row.Key.Metric), Whole(row.Key.Year),
                Number(row.OldMean), Number(row.NewMean), Number(row.OldSd), Number(row.NewSd), Number(row.Margin), Number(t.Difference),
                Number(t.Low), Number(t.High), Number(t.PLower), Number(t.PUpper), row.Equivalent ? "true" : "false",
                VerdictName(row.Verdict), design, Whole(row.OldCount), Whole(row.NewCount), Number(t.DegreesOfFreedom),
                row.ReplicationsNeeded is int n ? Whole(n) : "").Append('\n');
        }

        return text.ToString();
    }

    public static Task WriteAsync(string path, EquivalenceResult result, CancellationToken cancellationToken = default)
        => AtomicFile.WriteAllTextAsync(path, Format(result), cancellationToken);

    /// <summary>The design as the CSV and the <c>--design</c> option write it.</summary>
    public static string DesignName(EquivalenceDesign design) => design.ToString().ToLowerInvariant();

    /// <summary>The verdict as the CSV writes it.</summary>
    public static string VerdictName(EquivalenceVerdict verdict) => verdict.ToString().ToLowerInvariant();

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Quote(string value)
        => value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
