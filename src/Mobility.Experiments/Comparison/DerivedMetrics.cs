namespace Mobility.Experiments.Comparison;

using Mobility.Engine.Measurement;
using Mobility.Model.Metrics;

/// <summary>Adds the derived metrics of <see cref="MetricCatalogue"/> (e.g. net brain gain) to a run's measured ones.</summary>
public static class DerivedMetrics
{
    /// <summary>
    /// The engine's metrics followed by the derived ones, for every country and year that has all of a derived
    /// metric's inputs (in the order the country-years first appear).
    /// </summary>
    public static IReadOnlyList<MetricRecord> AddTo(IReadOnlyList<MetricRecord> metrics)
    {
        var values = new Dictionary<(int Year, string Country, string Metric), double>();
        var countryYears = new List<(int Year, string Country)>();
        var seen = new HashSet<(int, string)>();
        foreach (MetricRecord m in metrics)
        {
            values[(m.Year, m.Country, m.Metric)] = m.Value;
            if (seen.Add((m.Year, m.Country)))
            {
                countryYears.Add((m.Year, m.Country));
            }
        }

        var all = new List<MetricRecord>(metrics.Count + (countryYears.Count * MetricCatalogue.Derived.Count));
        all.AddRange(metrics);
        foreach (Metric derived in MetricCatalogue.Derived)
        {
            MetricDerivation how = derived.Derivation!;
            var inputs = new double[how.Inputs.Count];
            foreach (var (year, country) in countryYears)
            {
                bool complete = true;
                for (int i = 0; i < inputs.Length && complete; i++)
                {
                    complete = values.TryGetValue((year, country, how.Inputs[i].Name), out inputs[i]);
                }

                if (complete)
                {
                    all.Add(new MetricRecord(year, country, derived.Name, how.Combine(inputs)));
                }
            }
        }

        return all;
    }
}
