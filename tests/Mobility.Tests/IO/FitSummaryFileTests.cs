namespace Mobility.Tests.IO;

using Mobility.Input.Observations;

/// <summary>The one-line fit verdict a comparison prints: read back as written, and flagged when the coefficients changed since the fit.</summary>
public class FitSummaryFileTests
{
    private static readonly Dictionary<string, string> Configuration = new()
    {
        ["scenario:scale"] = "1",
        ["choice:pairShift:KAZ:RUS"] = "0.15",
        ["degreeMobility:a0"] = "-3.6",
    };

    [Fact]
    public void Reads_back_what_fit_wrote_and_ignores_the_scenario_section()
    {
        using var temp = new TempFolder();
        var summary = new FitSummaryFile("scenarios/baseline.json", FitSummaryFile.Hash(Configuration), "obs.csv", 128, 137, 1.26, 0.82, 1, "mobility fit scenarios/baseline.json", "2026-12-02");
        File.WriteAllText(temp.File(FitSummaryFile.FileName), summary.ToJson());

        var read = FitSummaryFile.TryRead(temp.Path);
        Assert.Equal(summary, read);
        var otherScale = new Dictionary<string, string>(Configuration) { ["scenario:scale"] = "10", ["degreeMobility:a0"] = "-3.60" };
        Assert.Equal("baseline reproduces 137 published figures (128 targets) with median error x1.26, 82% within 2x; see fit.html of `mobility fit scenarios/baseline.json`",
            read!.Sentence(otherScale, "baseline"));
    }

    [Fact]
    public void With_a_cross_validation_the_line_says_how_well_held_out_pairs_are_predicted()
    {
        using var temp = new TempFolder();
        var heldOut = new HeldOutFit("leave one pair out, 41 pairs, the host's level", 91, 1.53, 0.64, 2.19);
        var summary = new FitSummaryFile("b", FitSummaryFile.Hash(Configuration), "o", 129, 138, 1.19, 0.91, 0, "mobility fit b --cross-validate 41", "d", heldOut);
        File.WriteAllText(temp.File(FitSummaryFile.FileName), summary.ToJson());

        var read = FitSummaryFile.TryRead(temp.Path);
        Assert.Equal(summary, read);
        Assert.Equal(
            "baseline reproduces 138 published figures (129 targets) with median error x1.19, 91% within 2x; predicts held-out pairs with median error x1.53 "
                + "(leave one pair out, 41 pairs, the host's level, 64% within 2x; flows between members x2.19); see fit.html of `mobility fit b --cross-validate 41`",
            read!.Sentence(Configuration, "baseline"));

        // A summary without a cross-validation (the format before it) has no held-out part.
        File.WriteAllText(temp.File(FitSummaryFile.FileName), (summary with { HeldOut = null }).ToJson());
        Assert.DoesNotContain("held_out", File.ReadAllText(temp.File(FitSummaryFile.FileName)), StringComparison.Ordinal);
        Assert.DoesNotContain("held-out", FitSummaryFile.TryRead(temp.Path)!.Sentence(Configuration, "baseline"), StringComparison.Ordinal);
    }

    [Fact]
    public void Says_when_the_coefficients_differ_from_the_fitted_ones()
    {
        var summary = new FitSummaryFile("b", FitSummaryFile.Hash(Configuration), "o", 1, 1, 1.2, 0.9, 0, "mobility fit b", "d");
        var changed = new Dictionary<string, string>(Configuration) { ["choice:pairShift:KAZ:RUS"] = "0.5" };
        Assert.Contains("other coefficients", summary.Sentence(changed, "baseline"), StringComparison.Ordinal);
        Assert.DoesNotContain("other coefficients", summary.Sentence(Configuration, "baseline"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_summary_was_measured_on_the_shipped_baseline()
    {
        // Recalibrating the baseline without running its fit again would leave compare quoting another model's fit.
        var baseline = Engine.EngineTestKit.Load("baseline");
        var shipped = FitSummaryFile.TryRead(Path.Combine(TestFiles.RepositoryRoot, "scenarios", "observations"));
        Assert.NotNull(shipped);
        Assert.Equal(FitSummaryFile.Hash(baseline.Configuration), shipped.ConfigurationSha256);
        Assert.NotNull(shipped.HeldOut);
        Assert.DoesNotContain("other coefficients", shipped.Sentence(baseline.Configuration, "baseline"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_unreadable_summary_is_no_summary()
    {
        using var temp = new TempFolder();
        Assert.Null(FitSummaryFile.TryRead(temp.Path));
        File.WriteAllText(temp.File(FitSummaryFile.FileName), "{ not json");
        Assert.Null(FitSummaryFile.TryRead(temp.Path));
    }
}
