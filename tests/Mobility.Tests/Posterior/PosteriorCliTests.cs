namespace Mobility.Tests.Posterior;

using Mobility.Cli;
using Mobility.Input.Priors;
using Mobility.Output.Posterior;
using Mobility.Output.Sweeps;
using Mobility.Tests.IO;
using Mobility.Tests.Sweeps;

public sealed class PosteriorCliTests
{
    [Fact]
    public void The_same_seed_gives_the_same_posterior_bytes_on_one_thread_and_on_two()
    {
        using var temp = new TempFolder();

        var one = SweepKit.Cli(PosteriorKit.Command(temp, "one", "--threads", "1"));
        var two = SweepKit.Cli(PosteriorKit.Command(temp, "two", "--threads", "2"));

        SweepKit.AssertSuccess(one);
        SweepKit.AssertSuccess(two);
        var a = new PosteriorFolder(temp.File("one"));
        var b = new PosteriorFolder(temp.File("two"));
        Assert.Equal(File.ReadAllBytes(a.PosteriorParquet), File.ReadAllBytes(b.PosteriorParquet));
        Assert.Equal(File.ReadAllBytes(a.GenerationsParquet), File.ReadAllBytes(b.GenerationsParquet));
        Assert.Contains("stopped:", one.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(a.Html) && File.Exists(a.Diagnostics));
    }

    [Fact]
    public async Task The_posterior_file_has_a_draw_a_normalised_weight_and_a_column_per_coefficient()
    {
        using var temp = new TempFolder();
        SweepKit.AssertSuccess(SweepKit.Cli(PosteriorKit.Command(temp, "post")));
        var folder = new PosteriorFolder(temp.File("post"));

        var table = await SweepParquet.ReadColumnsAsync(folder.PosteriorParquet);

        Assert.Equal(["generation", "draw", "weight", "distance", "degreeMobility_outsideOptionUtility", "choice_bDistance", "choice_destinationShift_KAZ"], table.Keys);
        // The posterior pools every generation: six particles from each, in order of generation.
        int[] generation = (int[])table["generation"];
        Assert.Equal(Enumerable.Range(0, generation.Length), (int[])table["draw"]);
        Assert.Equal(Enumerable.Range(0, generation.Length / 6).SelectMany(g => Enumerable.Repeat(g, 6)), generation);
        Assert.Equal(1.0, ((double[])table["weight"]).Sum(), 12);
        Assert.All((double[])table["choice_destinationShift_KAZ"], v => Assert.InRange(v, -2, 0.5));
        string[] diagnostics = File.ReadAllLines(folder.Diagnostics);
        Assert.Equal(string.Join(",", PosteriorFiles.DiagnosticsColumns), diagnostics[0]);
        Assert.Equal(generation[^1] + 2, diagnostics.Length);
    }

    [Fact]
    public async Task A_killed_posterior_resumes_from_its_stored_simulations_and_gives_the_same_posterior()
    {
        using var temp = new TempFolder();
        string[] command = PosteriorKit.Command(temp, "post");
        SweepKit.AssertSuccess(SweepKit.Cli(command));
        var folder = new PosteriorFolder(temp.File("post"));
        byte[] reference = File.ReadAllBytes(folder.PosteriorParquet);

        // The state a kill -9 during generation 1 leaves: generation 0 done, generation 1's first round with two of its
        // runs in a chunk and a half-written temporary chunk, later rounds and the outputs not there.
        SweepFolder round = folder.Round(1, 0);
        string[] names = ["degreeMobility_outsideOptionUtility", "choice_bDistance", "choice_destinationShift_KAZ"];
        SweepRows complete = await SweepParquet.ReadRowsAsync(round.Part(0), names);
        var kept = new SweepRows(names);
        for (int i = 0; i < complete.Count; i++)
        {
            if (complete.RunId[i] < 2)
            {
                kept.AddRow(complete, i);
            }
        }

        foreach (string later in Directory.EnumerateDirectories(Path.GetDirectoryName(round.Path)!).Where(d => d != round.Path))
        {
            Directory.Delete(later, recursive: true);
        }

        Directory.Delete(Path.Combine(folder.Generations, "gen-02"), recursive: true);
        File.Delete(round.Part(0));
        File.Delete(folder.PosteriorParquet);
        Directory.CreateDirectory(round.Chunks(0));
        await SweepParquet.WriteRowsAsync(Path.Combine(round.Chunks(0), "chunk-000000.parquet"), kept);
        await File.WriteAllTextAsync(Path.Combine(round.Chunks(0), ".chunk-000001.parquet.tmp-999"), "PAR1 truncated");

        var resumed = SweepKit.Cli(command);

        SweepKit.AssertSuccess(resumed);
        Assert.Matches(@"\(\d+ run now, \d+ found stored\)", resumed.Out);
        Assert.DoesNotContain("(0 run now", resumed.Out, StringComparison.Ordinal);
        Assert.Equal(reference, File.ReadAllBytes(folder.PosteriorParquet));
    }

    [Fact]
    public void Shards_run_one_after_the_other_give_the_same_posterior_as_one_process()
    {
        using var temp = new TempFolder();
        SweepKit.AssertSuccess(SweepKit.Cli(PosteriorKit.Command(temp, "whole")));
        var sharded = new PosteriorFolder(temp.File("sharded"));

        // As a scheduler would: start the array of two shards again until the posterior is there.
        var first = SweepKit.Cli(PosteriorKit.Command(temp, "sharded", "--shard", "0/2"));
        SweepKit.AssertSuccess(first);
        Assert.Contains("waiting for shard(s) 1/2", first.Out, StringComparison.Ordinal);
        for (int start = 1; start < 20 && !File.Exists(sharded.PosteriorParquet); start++)
        {
            SweepKit.AssertSuccess(SweepKit.Cli(PosteriorKit.Command(temp, "sharded", "--shard", $"{start % 2}/2")));
        }

        Assert.Equal(File.ReadAllBytes(new PosteriorFolder(temp.File("whole")).PosteriorParquet), File.ReadAllBytes(sharded.PosteriorParquet));
    }

    [Fact]
    public void A_folder_started_with_other_settings_is_refused_unless_forced()
    {
        using var temp = new TempFolder();
        SweepKit.AssertSuccess(SweepKit.Cli(PosteriorKit.Command(temp, "post", 1)));

        var other = SweepKit.Cli(PosteriorKit.Command(temp, "post", 1, "--seed", "99"));
        var forced = SweepKit.Cli(PosteriorKit.Command(temp, "post", 1, "--seed", "99", "--force"));

        Assert.Equal(ExitCodes.BadInput, other.Code);
        Assert.Contains("holds a posterior run with other settings", other.Err, StringComparison.Ordinal);
        Assert.Contains("seed:", other.Err, StringComparison.Ordinal);
        SweepKit.AssertSuccess(forced);
    }
}
