namespace Mobility.Tests.Calibration;

using Mobility.Experiments.Calibration;
using Mobility.Input.Configuration;
using Mobility.Model.Metrics;
using Mobility.Model.Observations;
using Mobility.Model.Parameters;
using Mobility.Model.World;
using Mobility.Tests.Engine;
using Xunit.Abstractions;

/// <summary>
/// The pair inversion finds known origin-destination constants again from figures the model generated with them
/// (common random numbers: at the truth the simulated values equal the figures), and cross-validation never lets a
/// held-out pair's figures into its own fit. Coarse (one agent per 25 persons, 2017-2025) to stay within seconds. The
/// pairs are ones whose host has seats to spare (Russia): where a host's foreign seats bind, the stock does not respond
/// to the constant, which is then not identified (the inversion bounds it).
/// </summary>
public class PairInversionTests
{
    private static readonly string[] Coarse = ["scenario:scale=25", "scenario:endYear=2025"];

    private static readonly CountryPair[] Pairs = [new("UZB", "RUS"), new("KGZ", "RUS"), new("KAZ", "RUS")];

    private readonly ITestOutputHelper output;

    public PairInversionTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    private static LoadedScenario Baseline => EngineTestKit.Load("baseline", Coarse);

    private static Func<IReadOnlyDictionary<CountryPair, double>, ScenarioSettings> SettingsFor(LoadedScenario loaded)
    {
        var variants = new ScenarioVariants(loaded);
        return pairs => variants.Settings(pairs.Select(kv => PairConstants.Set(kv.Key, kv.Value)).ToArray());
    }

    private static Observation[] Generated(WorldData world, Func<IReadOnlyDictionary<CountryPair, double>, ScenarioSettings> settingsFor, IReadOnlyDictionary<CountryPair, double> truth)
    {
        var targets = Pairs.SelectMany(p => new[] { 2024, 2025 }.Select(year => new Observation($"{p.Origin}-{p.Destination}-{year}", p.Origin, p.Destination, year, ObservationKind.Stock, 1, "model", ""))).ToArray();
        var fit = Calibrator.Evaluate(world, settingsFor(truth), targets, replications: 1, threads: EngineTestKit.Threads, reportFrom: 2024);
        return fit.Rows.Select(r => r.Observation with { Value = r.Simulated }).ToArray();
    }

    [Fact]
    public void The_inversion_recovers_known_pair_constants_from_figures_the_model_generated()
    {
        var loaded = Baseline;
        var settingsFor = SettingsFor(loaded);
        var truth = new Dictionary<CountryPair, double> { [Pairs[0]] = 0.8, [Pairs[1]] = -0.7, [Pairs[2]] = 0.4 };
        var observations = Generated(loaded.World, settingsFor, truth);

        var inversion = new PairInversion(loaded.World, settingsFor, new PairInversionOptions { Iterations = 25, Prior = 0, Replications = 1, Threads = EngineTestKit.Threads, ReportFrom = 2024 });
        var result = inversion.Run(observations, new Dictionary<CountryPair, double>());
        foreach (var step in result.Log)
        {
            output.WriteLine($"{step.Iteration}: objective {step.Objective:F5}, largest change {step.LargestChange:F3}");
        }

        foreach (var pair in Pairs)
        {
            output.WriteLine($"{pair}: truth {truth[pair]:F2}, recovered {result.Constants[pair]:F3}");
            Assert.InRange(result.Constants[pair], truth[pair] - 0.1, truth[pair] + 0.1);
        }

        Assert.True(result.Fit.MedianAbsoluteLogRatio < 0.05, $"median |log ratio| {result.Fit.MedianAbsoluteLogRatio}");
    }

    [Fact]
    public void The_inversion_recovers_a_known_credit_constant_from_credit_figures_the_model_generated()
    {
        // Kazakh credit stays in Russia, generated with creditMobility:pairShift:KAZ:RUS = -0.6 (Russia takes most
        // Kazakh credit students, so the flow is large enough at this scale): from no constant, the inversion finds it
        // again, as a credit constant (the degree constant choice:pairShift:KAZ:RUS is not touched, no degree figure).
        var loaded = Baseline;
        var settingsFor = SettingsFor(loaded);
        var credit = new CountryPair("KAZ", "RUS", PairSegment.Credit);
        var truth = new Dictionary<CountryPair, double> { [credit] = -0.6 };
        var targets = new[] { 2024, 2025 }.Select(year => new Observation($"kaz-rus-credit-{year}", "KAZ", "RUS", year, ObservationKind.Flow, 1, "model", "", FlowKind: FlowKinds.Credit)).ToArray();
        var observations = Calibrator.Evaluate(loaded.World, settingsFor(truth), targets, replications: 1, threads: EngineTestKit.Threads, reportFrom: 2024)
            .Rows.Select(r => r.Observation with { Value = r.Simulated }).ToArray();
        output.WriteLine($"generated: {string.Join(", ", observations.Select(o => $"{o.Id} {o.Value:F0}"))}");

        var inversion = new PairInversion(loaded.World, settingsFor, new PairInversionOptions { Iterations = 25, Prior = 0, Replications = 1, Threads = EngineTestKit.Threads, ReportFrom = 2024 });
        var result = inversion.Run(observations, new Dictionary<CountryPair, double>());
        output.WriteLine($"{credit} ({credit.Path}): truth {truth[credit]:F2}, recovered {result.Constants[credit]:F3}");
        Assert.Equal("creditMobility:pairShift:KAZ:RUS", credit.Path);
        Assert.InRange(result.Constants[credit], truth[credit] - 0.1, truth[credit] + 0.1);
        Assert.False(result.Constants.ContainsKey(new CountryPair("KAZ", "RUS")));
    }

    [Fact]
    public void Programme_figures_inform_their_own_segments_constant_and_placements_none()
    {
        Observation Figure(string origin, string destination, ObservationKind kind, string flowKind = FlowKinds.Degree)
            => new("x", origin, destination, 2023, kind, 100, "", "", FlowKind: flowKind);
        Assert.Equal(new CountryPair("KAZ", "POL", PairSegment.Credit), PairInversion.Informs(Figure("KAZ", "POL", ObservationKind.Flow, FlowKinds.Credit)));
        Assert.Equal(new CountryPair("KAZ", "DEU", PairSegment.Scholarship), PairInversion.Informs(Figure("KAZ", "DEU", ObservationKind.ScholarshipHolders)));
        Assert.Equal(new CountryPair("KAZ", "USA", PairSegment.Scholarship), PairInversion.Informs(Figure("KAZ", "USA", ObservationKind.Flow, FlowKinds.NationalScholarship)));
        Assert.Equal(new CountryPair("KAZ", "RUS"), PairInversion.Informs(Figure("KAZ", "RUS", ObservationKind.Stock)));
        Assert.Null(PairInversion.Informs(Figure("KAZ", "CHN", ObservationKind.Flow, FlowKinds.Quota)));
        Assert.Null(PairInversion.Informs(Figure("KAZ", "*", ObservationKind.Flow, FlowKinds.NationalScholarship)));
        Assert.Equal("choice:scholarshipPairShift:KAZ:DEU", new CountryPair("KAZ", "DEU", PairSegment.Scholarship).Path);
    }

    [Fact]
    public void An_origins_total_abroad_recovers_its_propensity_shift_with_the_pair_constant()
    {
        // The figures of all Uzbek students abroad and of those in Russia, generated with Uzbekistan's propensity shift
        // 0.5 above the scenario's and a pair constant 0.8: started from the scenario's shift and no constant, the
        // inversion finds both again (the total pins how many go abroad, the pair where they go).
        var loaded = Baseline;
        var settingsFor = SettingsFor(loaded);
        var uzbekTotal = CountryPair.OriginTotal("UZB");
        double shipped = PairConstants.Totals(loaded.Configuration, ["UZB"], [])[uzbekTotal];
        var truth = new Dictionary<CountryPair, double> { [uzbekTotal] = shipped + 0.5, [Pairs[0]] = 0.8 };
        var targets = new[] { uzbekTotal, Pairs[0] }.SelectMany(p => new[] { 2024, 2025 }.Select(year =>
            new Observation($"{p.Origin}-{p.Destination}-{year}", p.Origin, p.Destination, year, ObservationKind.Stock, 1, "model", ""))).ToArray();
        var observations = Calibrator.Evaluate(loaded.World, settingsFor(truth), targets, replications: 1, threads: EngineTestKit.Threads, reportFrom: 2024)
            .Rows.Select(r => r.Observation with { Value = r.Simulated }).ToArray();

        var inversion = new PairInversion(loaded.World, settingsFor, new PairInversionOptions
        {
            Totals = new Dictionary<CountryPair, double> { [uzbekTotal] = shipped },
            Iterations = 25, Prior = 0, Replications = 1, Threads = EngineTestKit.Threads, ReportFrom = 2024,
        });
        var result = inversion.Run(observations, new Dictionary<CountryPair, double>());
        foreach (var pair in truth.Keys)
        {
            output.WriteLine($"{pair} ({pair.Path}): truth {truth[pair]:F2}, recovered {result.Constants[pair]:F3}");
            Assert.InRange(result.Constants[pair], truth[pair] - 0.15, truth[pair] + 0.15);
        }
    }

    [Fact]
    public void A_held_out_pair_weighs_nothing_in_its_fold()
    {
        // Each pair's enrolment, Kazakhstan's credit stays in Russia (whose credit constant must not see them when
        // KAZ->RUS is held out), and a host total (never held out).
        var targets = Pairs.Select(p => new Observation(p.ToString(), p.Origin, p.Destination, 2024, ObservationKind.Stock, 100, "", "")).Append(
            new Observation("all", "*", "KAZ", 2024, ObservationKind.Stock, 100, "", "")).Append(
            new Observation("credit", "KAZ", "RUS", 2024, ObservationKind.Flow, 100, "", "", FlowKind: FlowKinds.Credit)).ToArray();
        var folds = PairValidation.Folds(targets, 3, seed: 7);
        Assert.Equal(Pairs.Select(p => p.ToString()).Order(StringComparer.Ordinal), folds.SelectMany(f => f).Select(p => p.ToString()).Order(StringComparer.Ordinal));
        foreach (var fold in folds)
        {
            var training = PairValidation.Training(targets, fold.ToHashSet());
            foreach (var o in training.Where(o => o.IsPair))
            {
                bool heldOut = fold.Contains(new CountryPair(o.Origin, o.Destination));
                Assert.Equal(heldOut, PairInversion.Informs(o) is null);
            }
        }
    }

    [Fact]
    public void K_at_or_above_the_number_of_pairs_leaves_one_pair_out_whatever_the_seed()
    {
        var targets = Pairs.Select(p => new Observation(p.ToString(), p.Origin, p.Destination, 2024, ObservationKind.Stock, 100, "", "")).ToArray();
        foreach (int k in new[] { Pairs.Length, Pairs.Length + 5 })
        {
            foreach (int seed in new[] { 1, 2 })
            {
                var folds = PairValidation.Folds(targets, k, seed);
                Assert.Equal(Pairs.Length, folds.Count);
                Assert.All(folds, f => Assert.Single(f));
                Assert.Equal(Pairs.Select(p => p.ToString()).Order(StringComparer.Ordinal), folds.Select(f => f[0].ToString()).Order(StringComparer.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData(UnfittedPairPrediction.Slopes, 0)]
    [InlineData(UnfittedPairPrediction.ShrunkSlopes, 0)]
    [InlineData(UnfittedPairPrediction.Projected, 0)]
    [InlineData(UnfittedPairPrediction.Projected, 0.1)]
    public void Cross_validated_predictions_do_not_depend_on_the_held_out_figures(UnfittedPairPrediction rule, double unfittedWeight)
    {
        var loaded = Baseline;
        var settingsFor = SettingsFor(loaded);
        var observations = Generated(loaded.World, settingsFor, new Dictionary<CountryPair, double> { [Pairs[0]] = 0.8, [Pairs[1]] = -0.7, [Pairs[2]] = 0.4 });
        var validation = new PairValidation(
            new PairInversion(loaded.World, settingsFor, new PairInversionOptions { Iterations = 3, Replications = 1, Threads = EngineTestKit.Threads, ReportFrom = 2024 }),
            new PairCovariates(loaded.World),
            PairProjection.MemberPairs(loaded.World),
            rule,
            unfittedWeight);

        // Each pair is its own fold (the member pairs without a figure predicted by the second step, as shipped). Multiplying one pair's figures by 10 must not move that pair's own prediction
        // (its figures are held out of its fold), neither the structural one nor the second step's (regressed on the
        // other pairs' constants only); the other folds, which fit to them, do move.
        var folds = PairValidation.Folds(observations, 3, seed: 1);
        Assert.Equal(3, folds.Count(f => f.Count == 1));
        var predicted = validation.CrossValidate(observations, 3, seed: 1);
        var wild = observations.Select(o => o.Origin == "UZB" ? o with { Value = o.Value * 10 } : o).ToArray();
        var wildPredicted = validation.CrossValidate(wild, 3, seed: 1);

        Assert.Equal(observations.Length, predicted.Structural.Rows.Count);
        Assert.Equal(observations.Length, predicted.Projected!.Rows.Count);
        double[] Uzbek(Fit fit) => fit.Rows.Where(r => r.Observation.Origin == "UZB").Select(r => r.Simulated).ToArray();
        double[] Others(Fit fit) => fit.Rows.Where(r => r.Observation.Origin != "UZB").Select(r => r.Simulated).ToArray();
        Assert.Equal(Uzbek(predicted.Structural), Uzbek(wildPredicted.Structural));
        Assert.NotEqual(Others(predicted.Structural), Others(wildPredicted.Structural));
        Assert.Equal(Uzbek(predicted.Projected!), Uzbek(wildPredicted.Projected!));
        Assert.NotEqual(Others(predicted.Projected!), Others(wildPredicted.Projected!));
    }

    [Fact]
    public void A_structure_refit_sees_no_held_out_figure()
    {
        // Each check first refits choice:bDistance with every pair constant 0 (StructureRefit), then inverts the
        // constants with it. Multiplying the Uzbek pair's figures by 10 must move neither the coefficient its own fold
        // refits nor that pair's prediction; the other folds, whose training figures they are, see them.
        var loaded = Baseline;
        var variants = new ScenarioVariants(loaded);
        var settingsFor = SettingsFor(loaded);
        var observations = Generated(loaded.World, settingsFor, new Dictionary<CountryPair, double> { [Pairs[0]] = 0.8, [Pairs[1]] = -0.7, [Pairs[2]] = 0.4 });
        var parameters = new[] { new CalibrationParameter("choice:bDistance", 0.1, 1.5) };
        var inversionOptions = new PairInversionOptions { Iterations = 2, Replications = 1, Threads = EngineTestKit.Threads, ReportFrom = 2024 };
        var structure = new StructureRefit(
            loaded.World,
            parameters,
            [0.6],
            values => variants.Settings([parameters[0].Set(values[0])]),
            values => new PairInversion(loaded.World, pairs => variants.Settings(pairs.Select(kv => PairConstants.Set(kv.Key, kv.Value)).Append(parameters[0].Set(values[0])).ToArray()), inversionOptions),
            new CalibrationOptions { Budget = 4, Replications = 1, Threads = EngineTestKit.Threads, ReportFrom = 2024 });
        var validation = new PairValidation(new PairInversion(loaded.World, settingsFor, inversionOptions), structure: structure);

        var predicted = validation.CrossValidate(observations, 3, seed: 1);
        var wild = observations.Select(o => o.Origin == "UZB" ? o with { Value = o.Value * 10 } : o).ToArray();
        var wildPredicted = validation.CrossValidate(wild, 3, seed: 1);

        var folds = PairValidation.Folds(observations, 3, seed: 1);
        int uzbek = folds.Select((f, i) => (f, i)).Single(x => x.f.Contains(Pairs[0])).i;
        Assert.Equal(3, predicted.Refits!.Count);
        for (int f = 0; f < 3; f++)
        {
            output.WriteLine($"fold {f + 1}: bDistance {predicted.Refits[f].Values[0]:F3} (objective {predicted.Refits[f].Objective:F4}), with the Uzbek figures x10 {wildPredicted.Refits![f].Values[0]:F3} ({wildPredicted.Refits[f].Objective:F4})");
            if (f == uzbek)
            {
                Assert.Equal(predicted.Refits[f].Values, wildPredicted.Refits[f].Values);
                Assert.Equal(predicted.Refits[f].Objective, wildPredicted.Refits[f].Objective);
            }
            else
            {
                Assert.NotEqual(predicted.Refits[f].Objective, wildPredicted.Refits[f].Objective);
            }
        }

        double[] Uzbek(Fit fit) => fit.Rows.Where(r => r.Observation.Origin == "UZB").Select(r => r.Simulated).ToArray();
        Assert.Equal(Uzbek(predicted.Structural), Uzbek(wildPredicted.Structural));
    }
}
