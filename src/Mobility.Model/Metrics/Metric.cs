namespace Mobility.Model.Metrics;

using System.Globalization;

/// <summary>
/// One indicator a run reports per country and year: its name in the data, its label in words, its unit, how its
/// yearly values combine over several years, and how it is computed. Every metric has exactly one such record, in
/// <see cref="MetricCatalogue"/>; measurement, comparison, the console and the reports read it from there.
/// </summary>
/// <param name="Name">The value of the <c>metric</c> column (snake case).</param>
/// <param name="Label">The metric in words, lower case, as it reads in a sentence ("intra-regional share").</param>
/// <param name="Unit">What the values count; decides how they are written and drawn.</param>
/// <param name="OverYears">Summed over years (events, money of a year) or averaged (levels).</param>
/// <param name="Definition">How it is computed, in words (the documentation of the metric).</param>
public sealed record Metric(string Name, string Label, MetricUnit Unit, YearAggregation OverYears, string Definition)
{
    /// <summary>Null for a metric the engine measures; for one computed from others after a run, how.</summary>
    public MetricDerivation? Derivation { get; init; }

    public bool IsDerived => Derivation is not null;

    /// <summary>The unit in words, for axis titles: "persons per year", "score 0-1", "%".</summary>
    public string UnitText => Unit switch
    {
        MetricUnit.Score => "score 0-1",
        MetricUnit.Share => "%",
        MetricUnit.Persons => OverYears == YearAggregation.Sum ? "persons per year" : "persons",
        MetricUnit.Usd => OverYears == YearAggregation.Sum ? "US dollars per year" : "US dollars",
        MetricUnit.Rank => "world rank",
        MetricUnit.Count => "number",
        MetricUnit.SkillPersons => "skill x persons",
        _ => throw new InvalidOperationException($"unit {Unit} has no text"),
    };

    /// <summary>The unit of a change of this metric: as <see cref="UnitText"/>, but shares change in percentage points.</summary>
    public string ChangeUnitText => Unit == MetricUnit.Share ? "percentage points" : UnitText;

    /// <summary>True when values are written as whole numbers: persons, counts, skill x persons, dollars and ranks.</summary>
    public bool IsWhole => Unit is MetricUnit.Persons or MetricUnit.Count or MetricUnit.SkillPersons or MetricUnit.Usd or MetricUnit.Rank;

    /// <summary>The value of a yearly series over all its years: the sum or the mean (see <see cref="OverYears"/>); NaN if empty.</summary>
    public double Aggregate(ReadOnlySpan<double> yearly)
    {
        if (yearly.IsEmpty)
        {
            return double.NaN;
        }

        double sum = 0;
        foreach (double v in yearly)
        {
            sum += v;
        }

        return OverYears == YearAggregation.Sum ? sum : sum / yearly.Length;
    }

    /// <summary>A value, short: 0.687, 17.6%, 842, 36.0k, $12.35M, rank 1,204. Counts are whole.</summary>
    public string Format(double value) => Unit switch
    {
        MetricUnit.Score => WithSign(value, m => m.ToString("0.000", Invariant), plus: false),
        MetricUnit.Share => WithSign(value, m => (m * 100).ToString("0.0", Invariant) + "%", plus: false),
        _ => WithSign(value, m => Whole(m, m), plus: false),
    };

    /// <summary>
    /// A value with the digits that tell close values apart (79,993 and 80,003; 0.4748 and 0.4749; 17.62%), where
    /// <see cref="Format"/> would write both alike.
    /// </summary>
    public string FormatPrecise(double value) => Unit switch
    {
        MetricUnit.Score => WithSign(value, m => m.ToString("0.0000", Invariant), plus: false),
        MetricUnit.Share => WithSign(value, m => (m * 100).ToString("0.00", Invariant) + "%", plus: false),
        _ => WithSign(value, m => (Unit == MetricUnit.Usd ? "$" : "") + Math.Round(m, MidpointRounding.AwayFromZero).ToString("N0", Invariant), plus: false),
    };

    /// <summary>A change, short; shares change in percentage points ("1.5 pp"), tiny score changes keep two significant digits.</summary>
    public string FormatChange(double change) => FormatEffect(change, change, change, signed: false).Change;

    /// <summary>
    /// A change and the ends of its interval on one scale, so that they read alike ("+10.7k (+9.8k to +11.5k)", not
    /// "+10.7k (+9,783 to +11.5k)"). With <paramref name="signed"/>, positive values carry a "+".
    /// </summary>
    public (string Change, string Low, string High) FormatEffect(double change, double low, double high, bool signed)
    {
        double largest = Math.Max(Math.Abs(change), Math.Max(Math.Abs(low), Math.Abs(high)));
        Func<double, string> magnitude = Unit switch
        {
            MetricUnit.Score => largest >= 0.01 || largest == 0 ? m => m.ToString("0.000", Invariant) : m => m.ToString("G2", Invariant),
            MetricUnit.Share => m => (m * 100).ToString("0.0", Invariant) + " pp",
            _ => m => Whole(m, largest),
        };
        return (WithSign(change, magnitude, signed), WithSign(low, magnitude, signed), WithSign(high, magnitude, signed));
    }

    /// <summary>
    /// An axis tick label: enough digits to tell neighbouring ticks apart, thousands as k and millions as M; with
    /// <paramref name="change"/>, shares are percentage points.
    /// </summary>
    public string FormatTick(double value, bool change = false)
    {
        static string Number(double v) => Math.Abs(v) switch
        {
            >= 1e9 => (v / 1e9).ToString("0.###", Invariant) + "bn",
            >= 1e6 => (v / 1e6).ToString("0.###", Invariant) + "M",
            >= 1e3 => (v / 1e3).ToString("0.###", Invariant) + "k",
            _ => v.ToString("0.######", Invariant),
        };
        return Unit switch
        {
            MetricUnit.Share => (value * 100).ToString("0.####", Invariant) + (change ? " pp" : "%"),
            MetricUnit.Usd => (value < 0 ? "-$" : "$") + Number(Math.Abs(value)),
            MetricUnit.Rank => value.ToString("N0", Invariant),
            _ => Number(value),
        };
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// A non-negative whole quantity on the scale of <paramref name="scale"/>: bn, M, k from ten thousand up, else
    /// whole with thousands separators; dollars get their sign.
    /// </summary>
    private string Whole(double magnitude, double scale)
    {
        string number = scale switch
        {
            >= 1e9 => (magnitude / 1e9).ToString("0.00", Invariant) + "bn",
            >= 1e6 => (magnitude / 1e6).ToString("0.00", Invariant) + "M",
            >= 1e4 => (magnitude / 1e3).ToString("0.0", Invariant) + "k",
            _ => Math.Round(magnitude, MidpointRounding.AwayFromZero).ToString("N0", Invariant),
        };
        return Unit == MetricUnit.Usd ? "$" + number : number;
    }

    /// <summary>
    /// The magnitude written by <paramref name="magnitude"/> with the value's sign; no sign when it is written as
    /// zero (never "-0" or "+0.0 pp").
    /// </summary>
    private static string WithSign(double value, Func<double, string> magnitude, bool plus)
    {
        string text = magnitude(Math.Abs(value));
        bool writtenAsZero = !text.Any(ch => ch is >= '1' and <= '9');
        return (writtenAsZero ? "" : value < 0 ? "-" : plus ? "+" : "") + text;
    }
}
