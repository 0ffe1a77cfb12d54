namespace Mobility.Tests.Cli;

using Mobility.Output.Runs;
using Mobility.Tests.Engine;
using Mobility.Tests.IO;

/// <summary>
/// <c>run --save-state YEAR</c> writes the state at the end of YEAR into the run's folder; <c>run --from-state FILE</c>
/// continues from it to the same numbers as the whole run, and refuses a state of another run with what differs.
/// </summary>
public sealed class SavedStateTests
{
    private static readonly string Baseline = EngineTestKit.ScenarioPath("baseline");

    private static string[] Quick(params string[] more) => ["--scale", "50", "--set", "scenario:endYear=2029", "--threads", "2", .. more];

    [Fact]
    public void A_run_continued_from_a_saved_state_writes_the_numbers_of_the_whole_run()
    {
        using var temp = new TempFolder();
        CliHarness.AssertSuccess(CliHarness.Run(["run", Baseline, .. Quick("--out", temp.File("whole"), "--save-state", "2026")]));
        string state = temp.File(Path.Combine("whole", StateFile.FileName(2026)));
        Assert.True(File.Exists(state), "state-2026.mstate was not written into the run's folder");

        CliHarness.AssertSuccess(CliHarness.Run(["run", Baseline, .. Quick("--out", temp.File("continued"), "--from-state", state)]));

        foreach (string table in new[] { ParquetOutput.MetricsFile, ParquetOutput.FlowsFile, ParquetOutput.StocksFile, ParquetOutput.UniversitiesFile })
        {
            Assert.True(
                File.ReadAllBytes(temp.File(Path.Combine("whole", table))).AsSpan().SequenceEqual(File.ReadAllBytes(temp.File(Path.Combine("continued", table)))),
                $"{table} of the continued run differs from the whole run's");
        }
    }

    [Fact]
    public void A_saved_state_of_another_seed_a_damaged_file_or_a_year_outside_the_run_is_bad_input()
    {
        using var temp = new TempFolder();
        CliHarness.AssertSuccess(CliHarness.Run(["run", Baseline, .. Quick("--out", temp.File("a"), "--save-state", "2019")]));
        string state = temp.File(Path.Combine("a", StateFile.FileName(2019)));

        CliHarness.AssertBadInput(
            CliHarness.Run(["run", Baseline, .. Quick("--out", temp.File("b"), "--seed", "99", "--from-state", state)]),
            "--from-state", "state-2019.mstate", "another run", "settings differ");
        Assert.False(Directory.Exists(temp.File("b")), "a refused run left an output folder");

        byte[] bytes = File.ReadAllBytes(state);
        bytes[bytes.Length / 2] ^= 0xFF;
        string damaged = temp.File("damaged.mstate");
        File.WriteAllBytes(damaged, bytes);
        CliHarness.AssertBadInput(CliHarness.Run(["run", Baseline, .. Quick("--out", temp.File("c"), "--from-state", damaged)]), "damaged.mstate", "truncated or altered");

        string text = temp.Write("text.mstate", "not a state");
        CliHarness.AssertBadInput(CliHarness.Run(["run", Baseline, .. Quick("--out", temp.File("d"), "--from-state", text)]), "text.mstate", "not a saved state");

        CliHarness.AssertBadInput(CliHarness.Run(["run", Baseline, .. Quick("--out", temp.File("e"), "--save-state", "1990")]), "--save-state must be a year the run simulates, 2017 to 2029 (was 1990)");
        CliHarness.AssertBadInput(CliHarness.Run(["run", Baseline, .. Quick("--out", temp.File("f"), "--from-state", state, "--save-state", "2018")]), "--save-state must be a year the run simulates, 2020 to 2029");
    }
}
