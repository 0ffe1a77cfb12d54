namespace Mobility.Tests.Cli;

using Mobility.Cli;
using Mobility.Tests.IO;

/// <summary><c>mobility fit</c> on the observation set: read by default, bad rows named by file and line (exit 2), not-comparable rows reported, validation.</summary>
public class FitObservationSetCliTests
{
    private const string Header = "id,origin,destination,year,academic_year,kind,measure,value,confidence,source_title,source_url,quote";

    private static string Baseline => Path.Combine(TestFiles.RepositoryRoot, "scenarios", "baseline.json");

    private static (int Code, string Out, string Err) Cli(params string[] args) => CliHarness.Run(args);

    [Theory]
    [InlineData("a,UZB,KOR,2022,2022,stock,enroled,11974,medium,t,,q", "column 'measure'")]
    [InlineData("a,UZB,XYZ,2022,2022,stock,enrolled,11974,medium,t,,q", "column 'destination'")]
    [InlineData("a,UZB,KOR,2022,2022,stock,enrolled,-3,medium,t,,q", "column 'value'")]
    [InlineData("a,UZB,KOR,1990,1990,stock,enrolled,11974,medium,t,,q", "column 'year'")]
    [InlineData("a,UZB,KOR,2099,2099,stock,enrolled,11974,medium,t,,q", "column 'year'")]
    public void A_bad_row_exits_2_naming_file_and_line(string row, string what)
    {
        using var temp = new TempFolder();
        string file = temp.Write("observations.csv", string.Join('\n', Header, "ok,UZB,RUS,2021,2021,stock,enrolled,48700,high,t,,q", row));
        var (code, _, error) = Cli("fit", Baseline, "--observations", file, "--scale", "50", "--out", temp.File("fit"));

        Assert.True(code == ExitCodes.BadInput, $"exit code {code}: {error}");
        Assert.Contains("observations.csv:3:", error, StringComparison.Ordinal);
        Assert.Contains(what, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_id_exits_2_naming_both_lines()
    {
        using var temp = new TempFolder();
        string file = temp.Write("observations.csv", string.Join('\n', Header, "a,UZB,RUS,2021,2021,stock,enrolled,48700,high,t,,q", "a,UZB,KOR,2022,2022,stock,enrolled,11974,medium,t,,q"));
        var (code, _, error) = Cli("fit", Baseline, "--observations", file, "--scale", "50", "--out", temp.File("fit"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("observations.csv:3:", error, StringComparison.Ordinal);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_reads_the_shipped_observation_set_by_default_and_lists_what_it_cannot_compare()
    {
        using var temp = new TempFolder();
        string folder = temp.File("fit");
        // With Bolashak moved to Uzbekistan, the six figures about Kazakh national scholarships cannot be simulated.
        var (code, output, error) = Cli("fit", Baseline, "--scale", "50", "--replications", "1", "--threads", "2", "--out", folder,
            "--set", "policies:nationalScholarship:bolashak:country=UZB");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("(132 figures)", output, StringComparison.Ordinal);
        Assert.Contains("6 not comparable", output, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(Path.Combine(folder, "fit.csv"));
        Assert.Equal(130, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("kaz-usa-scholarship_awards-2023-64,", StringComparison.Ordinal) && l.Contains("not comparable: the scenario has no national scholarship of KAZ", StringComparison.Ordinal));
        string html = File.ReadAllText(Path.Combine(folder, "fit.html"));
        Assert.Contains("By member country", html, StringComparison.Ordinal);
        Assert.Contains("Not comparable", html, StringComparison.Ordinal);
    }
}
