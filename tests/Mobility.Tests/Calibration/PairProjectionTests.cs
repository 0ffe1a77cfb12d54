namespace Mobility.Tests.Calibration;

using Mobility.Experiments.Calibration;
using Mobility.Model.Observations;
using Mobility.Tests.Engine;

/// <summary>
/// Berry's second step: constants that are a linear function of the pair covariates are predicted, for a pair the
/// regression did not see, by that function; constants unrelated to the covariates are predicted by their weighted mean.
/// The calibration's second step (<see cref="PairProjection.Complete"/>) gives each member pair without a figure that
/// prediction, and a pair's own constant never enters it.
/// </summary>
public class PairProjectionTests
{
    private static readonly string[] Origins = ["KAZ", "KGZ", "TJK", "TKM", "UZB"];

    private static readonly string[] Hosts = ["RUS", "TUR", "KOR", "USA", "GBR", "DEU", "CHN", "BLR", "POL", "CZE", "KAZ", "KGZ", "UZB"];

    [Fact]
    public void A_pair_left_out_is_predicted_by_the_linear_relation_the_other_pairs_constants_follow()
    {
        var world = EngineTestKit.Load("baseline").World;
        var covariates = new PairCovariates(world);
        var pairs = Origins.SelectMany(o => Hosts.Where(h => h != o).Select(h => new CountryPair(o, h))).ToArray();
        // delta = 0.3 + 0.8 ln distance - 0.5 shared language + 0.4 ties, exactly.
        double Truth(CountryPair p)
        {
            double[] x = covariates.Of(p.Origin, p.Destination);
            return 0.3 + (0.8 * x[0]) - (0.5 * x[1]) + (0.4 * x[2]);
        }

        var heldOut = new CountryPair("UZB", "KOR");
        var constants = pairs.Where(p => p != heldOut).ToDictionary(p => p, Truth);
        var weights = constants.Keys.ToDictionary(p => p, _ => 1.0);
        var projection = PairProjection.Fit(covariates, constants, weights, ridge: 1e-9);

        Assert.InRange(projection.Predict(heldOut), Truth(heldOut) - 1e-4, Truth(heldOut) + 1e-4);
    }

    [Fact]
    public void Constants_the_covariates_do_not_explain_are_predicted_by_their_weighted_mean()
    {
        var world = EngineTestKit.Load("baseline").World;
        var covariates = new PairCovariates(world);
        // With a ridge so strong that no slope can move, the prediction is the intercept: the weighted mean of the
        // constants, 0.75 * 1 + 0.25 * -1 = 0.5; with no constant at all, 0 (the structural prediction).
        var constants = new Dictionary<CountryPair, double> { [new("KAZ", "RUS")] = 1, [new("UZB", "RUS")] = -1 };
        var weights = new Dictionary<CountryPair, double> { [new("KAZ", "RUS")] = 3, [new("UZB", "RUS")] = 1 };
        var projection = PairProjection.Fit(covariates, constants, weights, ridge: 1e9);

        Assert.InRange(projection.Predict(new CountryPair("TJK", "RUS")), 0.5 - 1e-6, 0.5 + 1e-6);
        Assert.Equal(0, PairProjection.Fit(covariates, new Dictionary<CountryPair, double>(), weights).Predict(new CountryPair("TJK", "RUS")));
    }

    [Fact]
    public void With_the_slopes_only_a_pair_like_the_average_fitted_pair_is_predicted_0()
    {
        var world = EngineTestKit.Load("baseline").World;
        var covariates = new PairCovariates(world);
        var pairs = Origins.SelectMany(o => Hosts.Where(h => h != o).Select(h => new CountryPair(o, h))).ToArray();
        // Constants 1.5 above a linear relation: figures exist for big pairs, whose constants are mostly positive.
        var constants = pairs.ToDictionary(p => p, p => 1.5 + (0.8 * covariates.Of(p.Origin, p.Destination)[0]) - (0.5 * covariates.Of(p.Origin, p.Destination)[1]));
        var weights = pairs.ToDictionary(p => p, p => p.Origin == "UZB" ? 2.0 : 1.0);
        var withIntercept = PairProjection.Fit(covariates, constants, weights, ridge: 1e-9);
        var slopes = PairProjection.Fit(covariates, constants, weights, ridge: 1e-9, slopesOnly: true);

        // The fitted pairs' weighted mean prediction is 0 with the slopes only (their mean with the intercept), and
        // every pair is predicted the same amount lower: the differences between pairs are the slopes' in both.
        double Mean(PairProjection projection) => pairs.Sum(p => weights[p] * projection.Predict(p)) / weights.Values.Sum();
        Assert.InRange(Mean(slopes), -1e-9, 1e-9);
        double meanConstant = pairs.Sum(p => weights[p] * constants[p]) / weights.Values.Sum();
        Assert.InRange(Mean(withIntercept), meanConstant - 1e-6, meanConstant + 1e-6);
        double intercept = withIntercept.Coefficients[0];
        Assert.All(pairs, p => Assert.InRange(slopes.Predict(p), withIntercept.Predict(p) - intercept - 1e-9, withIntercept.Predict(p) - intercept + 1e-9));

        // When the covariates explain nothing, every pair is predicted 0, the structural prediction, and not the
        // constants' weighted mean (0.5 here) as with the intercept.
        var unexplained = new Dictionary<CountryPair, double> { [new("KAZ", "RUS")] = 1, [new("UZB", "RUS")] = -1 };
        var unexplainedWeights = new Dictionary<CountryPair, double> { [new("KAZ", "RUS")] = 3, [new("UZB", "RUS")] = 1 };
        Assert.InRange(PairProjection.Fit(covariates, unexplained, unexplainedWeights, ridge: 1e9, slopesOnly: true).Predict(new CountryPair("TJK", "RUS")), -1e-6, 1e-6);
    }

    [Fact]
    public void Shrunk_slopes_move_from_0_as_far_as_the_covariates_explain_the_constants()
    {
        var world = EngineTestKit.Load("baseline").World;
        var covariates = new PairCovariates(world);
        var pairs = Origins.SelectMany(o => Hosts.Where(h => h != o).Select(h => new CountryPair(o, h))).ToArray();
        var weights = pairs.ToDictionary(p => p, _ => 1.0);
        var linear = pairs.ToDictionary(p => p, p => 1.5 + (0.8 * covariates.Of(p.Origin, p.Destination)[0]));
        var probe = new CountryPair("UZB", "KOR");

        // Constants the covariates explain exactly: nothing to shrink, the slopes' prediction.
        var exact = PairProjection.Fit(covariates, linear, weights, ridge: 1e-9, slopesOnly: true, shrunk: true);
        Assert.InRange(exact.Shrink, 1 - 1e-6, 1);
        Assert.Equal(PairProjection.Fit(covariates, linear, weights, ridge: 1e-9, slopesOnly: true).Predict(probe), exact.Predict(probe), 6);

        // The same relation with noise about as large as its spread: the prediction moves part of the way, by tau^2 / (tau^2 + s^2).
        var noise = new Random(3);
        var noisy = linear.ToDictionary(kv => kv.Key, kv => kv.Value + (noise.NextDouble() - 0.5));
        var shrunk = PairProjection.Fit(covariates, noisy, weights, ridge: 1e-9, slopesOnly: true, shrunk: true);
        var slopes = PairProjection.Fit(covariates, noisy, weights, ridge: 1e-9, slopesOnly: true);
        Assert.InRange(shrunk.Shrink, 0.05, 0.95);
        Assert.Equal(shrunk.Shrink * slopes.Predict(probe), shrunk.Predict(probe), 9);
    }

    [Fact]
    public void The_selection_aware_regression_sees_the_pairs_without_a_figure_at_constant_0_whatever_they_had()
    {
        var world = EngineTestKit.Load("baseline").World;
        var covariates = new PairCovariates(world);
        var weights = new Dictionary<CountryPair, double> { [new("KAZ", "RUS")] = 1, [new("UZB", "KOR")] = 1, [new("KGZ", "TUR")] = 1, [new("TJK", "RUS")] = 1 };
        var fitted = new Dictionary<CountryPair, double> { [new("KAZ", "RUS")] = 1.2, [new("UZB", "KOR")] = 2.0, [new("KGZ", "TUR")] = -0.4, [new("TJK", "RUS")] = 0.3 };
        var unobserved = new[] { new CountryPair("UZB", "GBR"), new CountryPair("TKM", "DEU"), new CountryPair("KAZ", "JPN") };

        // The three pairs without a figure enter at 0 with weight 0.1 each, even when an earlier calibration gave them constants.
        var stale = new Dictionary<CountryPair, double>(fitted) { [unobserved[0]] = 3, [unobserved[1]] = -2 };
        var completed = PairProjection.Complete(covariates, Result(stale, weights), unobserved, unfittedWeight: 0.1);

        var regressed = new Dictionary<CountryPair, double>(fitted);
        var regressedWeights = new Dictionary<CountryPair, double>(weights);
        foreach (var pair in unobserved)
        {
            regressed[pair] = 0;
            regressedWeights[pair] = 0.1;
        }

        var projection = PairProjection.Fit(covariates, regressed, regressedWeights);
        Assert.All(unobserved, p => Assert.Equal(projection.Predict(p), completed[p], 12));
        // Seeing the pairs that no figure counts pulls the level down: the fitted constants' weighted mean is 0.775.
        var counted = PairProjection.Complete(covariates, Result(fitted, weights), unobserved);
        Assert.True(unobserved.Average(p => completed[p]) < unobserved.Average(p => counted[p]));
    }

    /// <summary>An inversion's result with the given constants and, for the pairs in <paramref name="figures"/>, one figure of that weight each.</summary>
    private static PairInversionResult Result(IReadOnlyDictionary<CountryPair, double> constants, IReadOnlyDictionary<CountryPair, double> figures)
    {
        var none = Fit.Of(Array.Empty<FitRow>());
        var evidence = figures.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<Observation>)[new Observation($"{kv.Key.Origin}-{kv.Key.Destination}", kv.Key.Origin, kv.Key.Destination, 2024, ObservationKind.Stock, 100, "test", "", Weight: kv.Value)]);
        return new PairInversionResult(constants, none, none, [], evidence);
    }

    [Theory]
    [InlineData(UnfittedPairPrediction.Projected)]
    [InlineData(UnfittedPairPrediction.Slopes)]
    public void The_calibrations_second_step_gives_each_member_pair_without_a_figure_its_x_beta_and_keeps_the_fitted_constants(UnfittedPairPrediction rule)
    {
        var world = EngineTestKit.Load("baseline").World;
        var covariates = new PairCovariates(world);
        var fitted = new Dictionary<CountryPair, double> { [new("KAZ", "RUS")] = 1.2, [new("UZB", "KOR")] = 2.0, [new("KGZ", "TUR")] = -0.4, [new("TJK", "RUS")] = 0.3 };
        var weights = fitted.Keys.ToDictionary(p => p, p => p.Origin == "UZB" ? 0.6 : 1.0);
        var members = PairProjection.MemberPairs(world);

        var completed = PairProjection.Complete(covariates, Result(fitted, weights), members, rule: rule);

        var projection = PairProjection.Fit(covariates, fitted, weights, slopesOnly: rule == UnfittedPairPrediction.Slopes);
        Assert.Contains(new CountryPair("TKM", "TUR"), members);
        Assert.DoesNotContain(members, p => p.Origin == p.Destination || !world.Countries[world.CountryIndex(p.Origin)].IsMember);
        Assert.Equal(projection.Predict(new CountryPair("TKM", "TUR")), completed[new CountryPair("TKM", "TUR")]);
        Assert.All(members.Where(p => !fitted.ContainsKey(p)), p => Assert.Equal(projection.Predict(p), completed[p]));
        Assert.All(fitted, kv => Assert.Equal(kv.Value, completed[kv.Key]));
        Assert.Equal(members.Count + fitted.Keys.Count(p => !members.Contains(p)), completed.Count);
    }

    [Fact]
    public void A_pair_without_a_figure_is_predicted_without_its_own_constant()
    {
        var world = EngineTestKit.Load("baseline").World;
        var covariates = new PairCovariates(world);
        var pair = new CountryPair("UZB", "GBR");
        var weights = new Dictionary<CountryPair, double> { [new("KAZ", "RUS")] = 1, [new("UZB", "KOR")] = 1, [new("KGZ", "TUR")] = 1, [new("TJK", "RUS")] = 1 };
        var fitted = new Dictionary<CountryPair, double> { [new("KAZ", "RUS")] = 1.2, [new("UZB", "KOR")] = 2.0, [new("KGZ", "TUR")] = -0.4, [new("TJK", "RUS")] = 0.3 };

        // The pair's constant from an earlier calibration (its own earlier prediction, or anything else) carries no
        // figure, so it weighs nothing in the regression and is replaced: the same prediction whatever it was.
        var stale = new Dictionary<CountryPair, double>(fitted) { [pair] = 4.5 };
        double without = PairProjection.Complete(covariates, Result(fitted, weights), [pair])[pair];
        double withStale = PairProjection.Complete(covariates, Result(stale, weights), [pair])[pair];

        Assert.Equal(without, withStale);
        Assert.NotEqual(4.5, withStale);
        // A pair with a figure keeps its fitted constant: the second step predicts only pairs without one.
        Assert.Equal(2.0, PairProjection.Complete(covariates, Result(fitted, weights), [new CountryPair("UZB", "KOR")])[new CountryPair("UZB", "KOR")]);
    }

    [Fact]
    public void With_host_means_a_pair_without_a_figure_gets_its_hosts_shrunk_level_and_a_host_with_a_fitted_total_gives_0()
    {
        var world = EngineTestKit.Load("baseline").World;
        var covariates = new PairCovariates(world);
        // Into Korea: Kazakh students' constant 1.2 (weight 1.2) and Kyrgyz ones' 2.0 (weight 0.8): level (1.44 + 1.6) / (2 + 1) = 1.0133.
        // Into Kazakhstan, whose total of foreign students is fitted (its destination shift carries its level): 0 whatever its pairs say.
        var fitted = new Dictionary<CountryPair, double> { [new("KAZ", "KOR")] = 1.2, [new("KGZ", "KOR")] = 2.0, [new("UZB", "KAZ")] = 3.0, [CountryPair.HostTotal("KAZ")] = -1.4 };
        var weights = new Dictionary<CountryPair, double> { [new("KAZ", "KOR")] = 1.2, [new("KGZ", "KOR")] = 0.8, [new("UZB", "KAZ")] = 1, [CountryPair.HostTotal("KAZ")] = 1 };
        var unfitted = new[] { new CountryPair("UZB", "KOR"), new CountryPair("TJK", "KAZ"), new CountryPair("TJK", "GBR") };

        var completed = PairProjection.Complete(covariates, Result(fitted, weights), unfitted, rule: UnfittedPairPrediction.HostMeans);

        Assert.Equal((1.44 + 1.6) / 3, completed[new CountryPair("UZB", "KOR")], 12);
        Assert.Equal(0, completed[new CountryPair("TJK", "KAZ")]);
        Assert.Equal(0, completed[new CountryPair("TJK", "GBR")]);
        Assert.Equal(1.2, completed[new CountryPair("KAZ", "KOR")]);
        // More pairs into a host agreeing on its level move the prediction toward it: the shrinkage is a prior of weight 1 at 0.
        var more = new Dictionary<CountryPair, double>(fitted) { [new("TKM", "KOR")] = 1.6 };
        var moreWeights = new Dictionary<CountryPair, double>(weights) { [new("TKM", "KOR")] = 4 };
        double sharper = PairProjection.Complete(covariates, Result(more, moreWeights), unfitted, rule: UnfittedPairPrediction.HostMeans)[new CountryPair("UZB", "KOR")];
        Assert.InRange(sharper, completed[new CountryPair("UZB", "KOR")], 1.6);
    }

    [Fact]
    public void With_every_hosts_means_a_host_with_a_fitted_total_gives_its_level_too()
    {
        var world = EngineTestKit.Load("baseline").World;
        var covariates = new PairCovariates(world);
        // Kazakhstan's total of foreign students is fitted; its one fitted pair (Uzbek students, constant 3.0, weight 1)
        // still gives a Tajik pair without a figure 3.0 * 1 / (1 + 1) = 1.5, where host-means gives 0. Korea as before.
        var fitted = new Dictionary<CountryPair, double> { [new("KAZ", "KOR")] = 1.2, [new("UZB", "KAZ")] = 3.0, [CountryPair.HostTotal("KAZ")] = -1.4 };
        var weights = new Dictionary<CountryPair, double> { [new("KAZ", "KOR")] = 1, [new("UZB", "KAZ")] = 1, [CountryPair.HostTotal("KAZ")] = 1 };
        var unfitted = new[] { new CountryPair("UZB", "KOR"), new CountryPair("TJK", "KAZ"), new CountryPair("TJK", "GBR") };

        var every = PairProjection.Complete(covariates, Result(fitted, weights), unfitted, rule: UnfittedPairPrediction.AllHostMeans);
        var unfittedTotals = PairProjection.Complete(covariates, Result(fitted, weights), unfitted, rule: UnfittedPairPrediction.HostMeans);

        Assert.Equal(1.5, every[new CountryPair("TJK", "KAZ")], 12);
        Assert.Equal(0, unfittedTotals[new CountryPair("TJK", "KAZ")]);
        Assert.Equal(0.6, every[new CountryPair("UZB", "KOR")], 12);
        Assert.Equal(unfittedTotals[new CountryPair("UZB", "KOR")], every[new CountryPair("UZB", "KOR")]);
        Assert.Equal(0, every[new CountryPair("TJK", "GBR")]);
        // The total itself and the fitted pairs keep their values.
        Assert.Equal(3.0, every[new CountryPair("UZB", "KAZ")]);
        Assert.Equal(-1.4, every[CountryPair.HostTotal("KAZ")]);
    }
}
