namespace Mobility.Experiments.Calibration;

using System.Globalization;

/// <summary>
/// The pair constants as configuration (<c>choice:pairShift:ORIGIN:DESTINATION</c>, and the credit and scholarship
/// segments' <c>creditMobility:pairShift</c>, <c>choice:scholarshipPairShift</c>; see <see cref="CountryPair"/>): read, set, and explained.
/// </summary>
public static class PairConstants
{
    /// <summary>The constants a resolved configuration sets, of every segment.</summary>
    public static Dictionary<CountryPair, double> Of(IReadOnlyDictionary<string, string> configuration)
    {
        var constants = new Dictionary<CountryPair, double>();
        foreach (var (key, text) in configuration)
        {
            foreach (var segment in Enum.GetValues<PairSegment>())
            {
                string prefix = CountryPair.Prefix(segment);
                if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string[] sides = key[prefix.Length..].Split(':');
                if (sides.Length == 2 && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    constants[new CountryPair(sides[0], sides[1], segment)] = value;
                }
            }
        }

        return constants;
    }

    /// <summary>
    /// The origin and host totals of the members (<see cref="CountryPair.OriginTotal"/>, <see cref="CountryPair.HostTotal"/>)
    /// with the shifts the configuration sets (0 where it sets none), except those whose path is in <paramref name="fixedPaths"/>:
    /// the fixed effects the pair inversion fits to the totals' figures.
    /// </summary>
    public static Dictionary<CountryPair, double> Totals(IReadOnlyDictionary<string, string> configuration, IEnumerable<string> members, IEnumerable<string> fixedPaths)
    {
        var values = new Dictionary<string, string>(configuration, StringComparer.OrdinalIgnoreCase);
        var excluded = fixedPaths.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var totals = new Dictionary<CountryPair, double>();
        foreach (string member in members)
        {
            foreach (var total in new[] { CountryPair.OriginTotal(member), CountryPair.HostTotal(member) })
            {
                if (!excluded.Contains(total.Path))
                {
                    totals[total] = values.TryGetValue(total.Path, out string? text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : 0;
                }
            }
        }

        return totals;
    }

    /// <summary>The <c>--set</c> pair giving a constant its value.</summary>
    public static string Set(CountryPair pair, double value) => pair.Path + "=" + value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Comment of a constant predicted by Berry's second step (<see cref="PairProjection"/>), which has no figure.</summary>
    public const string PredictedComment = "predicted from covariates, no figure";

    /// <summary>Comment of a constant set to its host's level (<see cref="UnfittedPairPrediction.HostMeans"/>, <see cref="UnfittedPairPrediction.AllHostMeans"/>), which has no figure.</summary>
    public const string HostLevelComment = "the host's level (shrunk mean of the fitted constants into it), no figure";

    /// <summary>
    /// One comment per fitted constant: the published figures behind it and what the fitted scenario simulates for
    /// them; and for each of <paramref name="predicted"/> (the second step's pairs) <see cref="HostLevelComment"/> when
    /// <paramref name="rule"/> is a host-level rule, else <see cref="PredictedComment"/>.
    /// </summary>
    public static Dictionary<string, string> Comments(PairInversionResult inversion, IEnumerable<CountryPair>? predicted = null, UnfittedPairPrediction rule = UnfittedPairPrediction.Projected)
    {
        var simulated = inversion.Fit.AllRows.ToDictionary(r => r.Observation.Id, r => r.Simulated, StringComparer.Ordinal);
        var comments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pair, targets) in inversion.Evidence)
        {
            comments[pair.Path] = "from " + string.Join("; ", targets.Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(" ", t.Figures.DefaultIfEmpty(t.Id))} {t.Year} {t.Measure} {t.Value:N0}{(double.IsNaN(t.High) ? "" : "-" + t.High.ToString("N0", CultureInfo.InvariantCulture))} (weight {t.Weight:0.##}, simulated {simulated[t.Id]:N0})")));
        }

        foreach (var pair in predicted ?? [])
        {
            comments.TryAdd(pair.Path, rule is UnfittedPairPrediction.HostMeans or UnfittedPairPrediction.AllHostMeans ? HostLevelComment : PredictedComment);
        }

        return comments;
    }
}
