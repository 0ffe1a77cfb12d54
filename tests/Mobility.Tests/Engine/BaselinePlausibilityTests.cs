namespace Mobility.Tests.Engine;

using System.Globalization;
using System.Text;
using Mobility.Engine.Measurement;
using Mobility.IO.World;
using Xunit.Abstractions;

/// <summary>
/// The issue's requirement that the baseline be plausible: its simulated stocks are compared with the published
/// counts in observed-mobility.csv (the data the behavioural coefficients are calibrated to).
/// </summary>
public sealed class BaselinePlausibilityTests
{
    private const int SimulatedYear = 2025;
    private const double Factor = 3;

    private readonly ITestOutputHelper output;

    public BaselinePlausibilityTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    // Published figures disagree with each other by 20-30% and the model is calibrated on a log scale, so a stock
    // within a factor of 3 of the published value is "plausible"; further off, the baseline misrepresents where the
    // region's students are. The run uses the shipped defaults except a coarse scale of 10: results are reported in
    // persons (agents x scale), so the scale changes the sampling noise, not the expected counts. Every stock row is
    // compared with the simulated 2025 stock (the first reported year; earlier rows are compared with it too), and
    // all failing rows are reported together. Flow rows (scholarship intakes) are printed, not asserted: the model's
    // degree flows count every new student abroad, funded or not.
    [Fact]
    public void Simulated_2025_stocks_are_within_a_factor_of_3_of_the_published_ones()
    {
        var rows = ReadObservations(out string source);
        int endYear = Math.Max(SimulatedYear, rows.Max(r => r.Year));
        var run = EngineTestKit.Run(EngineTestKit.Load("baseline", "scenario:scale=10", $"scenario:endYear={endYear}"));

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"observed ({source}) vs simulated baseline (scale 10; stocks of {SimulatedYear}, degree flows of the row's year or {SimulatedYear} if earlier)");
        table.AppendLine(CultureInfo.InvariantCulture, $"{"id",-18} {"origin",-6} {"dest",-6} {"kind",-6} {"year",4} {"observed",10} {"simulated",10} {"ratio",6}");
        var failures = new List<string>();
        foreach (var row in rows)
        {
            double simulated = row.Kind == "stock"
                ? Stock(run, row, SimulatedYear)
                : Flow(run, row, Math.Max(row.Year, SimulatedYear));
            double ratio = simulated / row.Value;
            bool checkedRow = row.Kind == "stock";
            bool plausible = ratio >= 1 / Factor && ratio <= Factor;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{row.Id,-18} {row.Origin,-6} {row.Destination,-6} {row.Kind,-6} {row.Year,4} {row.Value,10:N0} {simulated,10:N0} {ratio,6:F2}{(checkedRow && !plausible ? "  <- outside x3" : "")}");
            if (checkedRow && !plausible)
            {
                failures.Add($"{row.Id} ({row.Origin}->{row.Destination}, {row.Year}): observed {row.Value:N0}, simulated {simulated:N0} in {SimulatedYear} (ratio {ratio:F2})");
            }
        }

        output.WriteLine(table.ToString());
        Assert.True(rows.Any(r => r.Kind == "stock"), $"{source} has no stock rows");
        Assert.True(failures.Count == 0, $"{failures.Count} published stocks are not within a factor of {Factor} of the baseline:\n" + string.Join("\n", failures));
    }

    /// <summary>Students of the origin(s) enrolled in the destination(s); '*' is every country but the other side.</summary>
    private static double Stock(RunResult run, Observation row, int year)
        => run.Stocks.Where(s => s.Year == year && s.Origin != s.Destination && Matches(row, s.Origin, s.Destination)).Sum(s => s.Students);

    private static double Flow(RunResult run, Observation row, int year)
        => run.Flows.Where(f => f.Year == year && f.Kind == "degree" && f.Origin != f.Destination && Matches(row, f.Origin, f.Destination)).Sum(f => f.Persons);

    private static bool Matches(Observation row, string origin, string destination)
        => (row.Origin == "*" || row.Origin == origin) && (row.Destination == "*" || row.Destination == destination);

    /// <summary>
    /// The shared reference data (<c>&lt;repo&gt;/../shared/data/observed-mobility.csv</c>), else a copy under
    /// <c>scenarios/observations</c>.
    /// </summary>
    private static List<Observation> ReadObservations(out string source)
    {
        string root = EngineTestKit.RepositoryRoot;
        string[] candidates =
        [
            Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "observed-mobility.csv")),
            Path.Combine(root, "scenarios", "observations", "observed-mobility.csv"),
        ];
        string? path = candidates.FirstOrDefault(File.Exists);
        Assert.True(path is not null, "observed-mobility.csv not found; looked for:\n" + string.Join("\n", candidates));
        source = path!;

        var csv = CsvReader.ReadFile(path!);
        Assert.True(csv.Problems.Count == 0, string.Join("\n", csv.Problems));
        Assert.NotNull(csv.Header);
        var header = csv.Header!.Fields.ToList();
        int Column(string name)
        {
            int index = header.IndexOf(name);
            Assert.True(index >= 0, $"{path}: no column '{name}' in {string.Join(",", header)}");
            return index;
        }

        int id = Column("id"), origin = Column("origin"), destination = Column("destination"), year = Column("year"), kind = Column("kind"), value = Column("value");
        return csv.Records
            .Select(r => new Observation(
                r.Fields[id],
                r.Fields[origin],
                r.Fields[destination],
                int.Parse(r.Fields[year], CultureInfo.InvariantCulture),
                r.Fields[kind],
                double.Parse(r.Fields[value], CultureInfo.InvariantCulture)))
            .ToList();
    }

    private sealed record Observation(string Id, string Origin, string Destination, int Year, string Kind, double Value);
}
