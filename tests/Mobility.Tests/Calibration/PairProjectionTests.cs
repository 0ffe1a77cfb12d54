namespace Mobility.Tests.Calibration;

using Mobility.Experiments.Calibration;
using Mobility.Tests.Engine;

/// <summary>
/// Berry's second step: constants that are a linear function of the pair covariates are predicted, for a pair the
/// regression did not see, by that function; constants unrelated to the covariates are predicted by their weighted mean.
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
}
