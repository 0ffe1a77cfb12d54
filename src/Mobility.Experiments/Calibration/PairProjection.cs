namespace Mobility.Experiments.Calibration;

using MathNet.Numerics.LinearAlgebra;
using Mobility.Model.Observations;
using Mobility.Model.World;

/// <summary>
/// Berry's second step (Berry 1994; Berry, Levinsohn and Pakes 1995): the inverted pair constants regressed on the
/// covariates the utility reads, delta(o,h) = x(o,h) beta + xi(o,h), by weighted least squares (each pair weighted by
/// the summed weights of its figures), with a ridge penalty on the standardised slopes because a fold has few more
/// pairs than covariates. A pair without a fitted constant (held out, or without figures) is then predicted by
/// x(o,h) beta instead of 0: what the other pairs' constants say about pairs like it. For such a pair this is, to
/// first order, what moving the global coefficients by the slopes and inverting again would give.
/// </summary>
public sealed class PairProjection
{
    private readonly PairCovariates covariates;
    private readonly double[] mean;
    private readonly double[] scale;
    private readonly Vector<double> beta;
    private readonly double level;
    private readonly double shrink;

    private PairProjection(PairCovariates covariates, double[] mean, double[] scale, Vector<double> beta, double level, double shrink)
    {
        this.shrink = shrink;
        this.covariates = covariates;
        this.mean = mean;
        this.scale = scale;
        this.beta = beta;
        this.level = level;
    }

    /// <summary>The factor the slopes' part of a prediction is multiplied by: 1, or the empirical-Bayes factor when fitted shrunk.</summary>
    public double Shrink => shrink;

    /// <summary>Intercept then the standardised covariates' slopes (<see cref="PairCovariates.Names"/>).</summary>
    public IReadOnlyList<double> Coefficients => beta.ToArray();

    /// <summary>
    /// Fits the regression to <paramref name="constants"/> (degree pairs only; totals and other segments are
    /// ignored) with weights <paramref name="weights"/>; <paramref name="ridge"/> in units of the weights. With
    /// <paramref name="slopesOnly"/> (<see cref="UnfittedPairPrediction.Slopes"/>) the intercept is still estimated, so
    /// the slopes are the same, but <see cref="Predict"/> leaves it out: (x - x_bar) beta, x_bar the weighted mean of
    /// the fitted pairs' covariates, so a pair like the average fitted pair is predicted 0.
    /// </summary>
    /// <param name="shrunk">Also multiply the slopes' part of a prediction by the empirical-Bayes factor
    /// tau^2 / (tau^2 + s^2) (<see cref="UnfittedPairPrediction.ShrunkSlopes"/>; <see cref="Shrink"/>).</param>
    public static PairProjection Fit(
        PairCovariates covariates, IReadOnlyDictionary<CountryPair, double> constants, IReadOnlyDictionary<CountryPair, double> weights, double ridge = 1.0, bool slopesOnly = false,
        bool shrunk = false)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        var pairs = constants.Keys.Where(p => !p.IsTotal && p.Segment == PairSegment.Degree && weights.TryGetValue(p, out double w) && w > 0)
            .OrderBy(p => p.Origin, StringComparer.Ordinal).ThenBy(p => p.Destination, StringComparer.Ordinal).ToArray();
        int k = covariates.Names.Count;
        var rows = pairs.Select(p => covariates.Of(p.Origin, p.Destination)).ToArray();
        var w8 = pairs.Select(p => weights[p]).ToArray();
        double total = w8.Sum();
        var mean = new double[k];
        var scale = new double[k];
        for (int j = 0; j < k; j++)
        {
            mean[j] = total > 0 ? rows.Select((r, i) => w8[i] * r[j]).Sum() / total : 0;
            double variance = total > 0 ? rows.Select((r, i) => w8[i] * (r[j] - mean[j]) * (r[j] - mean[j])).Sum() / total : 0;
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 0;
        }

        // (X' W X + ridge * I') beta = X' W y, the intercept unpenalised; a covariate constant over the pairs gets slope 0.
        var x = Matrix<double>.Build.Dense(pairs.Length, k + 1, (i, j) => j == 0 ? 1 : scale[j - 1] > 0 ? (rows[i][j - 1] - mean[j - 1]) / scale[j - 1] : 0);
        var y = Vector<double>.Build.Dense(pairs.Select(p => constants[p]).ToArray());
        var w = Matrix<double>.Build.Diagonal(w8);
        var penalty = Matrix<double>.Build.Diagonal(k + 1, k + 1, j => j == 0 ? 0 : scale[j - 1] > 0 ? ridge : 1);
        var normal = (x.Transpose() * w * x) + penalty;
        var beta = pairs.Length > 0 ? normal.Cholesky().Solve(x.Transpose() * w * y) : Vector<double>.Build.Dense(k + 1);
        // The empirical-Bayes factor: the weighted variance of the slopes' part over the fitted pairs (centred: the
        // covariates are centred at their weighted mean) against that of the residuals.
        double shrink = 1;
        if (shrunk && pairs.Length > 0 && total > 0)
        {
            var slopesPart = (x * beta) - (beta[0] * Vector<double>.Build.Dense(pairs.Length, 1.0));
            var residual = y - (x * beta);
            double tau2 = Enumerable.Range(0, pairs.Length).Sum(i => w8[i] * slopesPart[i] * slopesPart[i]) / total;
            double s2 = Enumerable.Range(0, pairs.Length).Sum(i => w8[i] * residual[i] * residual[i]) / total;
            shrink = tau2 + s2 > 0 ? tau2 / (tau2 + s2) : 0;
        }

        return new PairProjection(covariates, mean, scale, beta, slopesOnly ? 0 : beta[0], shrink);
    }

    /// <summary>
    /// Whether a scenario's constants predict member pairs without a figure: it sets a constant for one of
    /// <paramref name="memberPairs"/> that none of <paramref name="targets"/> informs (calibrate --unobserved-constant
    /// other than zero), rather than leaving them at 0.
    /// </summary>
    public static bool PredictsUnfitted(IReadOnlyDictionary<CountryPair, double> constants, IEnumerable<Observation> targets, IReadOnlyCollection<CountryPair> memberPairs)
    {
        var informed = targets.Select(PairInversion.Informs).OfType<CountryPair>().ToHashSet();
        return constants.Keys.Any(p => memberPairs.Contains(p) && !informed.Contains(p));
    }

    /// <summary>
    /// The degree-choice pairs of the member origins: each member with every other country that has a university (the
    /// hosts of its degree choice tables): the pairs <c>calibrate --unobserved-constant projected</c> and the validation predict when they have no figure.
    /// </summary>
    public static IReadOnlyList<CountryPair> MemberPairs(WorldData world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var hosts = world.Universities.Select(u => u.Country).Distinct().Order().ToArray();
        return world.Countries.Where(c => c.IsMember)
            .SelectMany(c => hosts.Where(h => world.Countries[h].Code != c.Code).Select(h => new CountryPair(c.Code, world.Countries[h].Code)))
            .OrderBy(p => p.Origin, StringComparer.Ordinal).ThenBy(p => p.Destination, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Berry's second step on an inversion's result: the regression fitted to its constants (each pair weighted by
    /// the summed weights of its figures, so only pairs with figures enter), and the constants with each pair of
    /// <paramref name="unfitted"/> that has no figure in <paramref name="result"/> set to x beta. A pair's own
    /// figures never enter its own prediction: it is predicted only when it has none.
    /// </summary>
    /// <param name="unfittedWeight">Selection-aware regression: the pairs of <paramref name="unfitted"/> without a
    /// figure also enter it, at constant 0 (their prior mode: no figure informs them) with this weight each (in units of
    /// a high-confidence figure, e.g. the inversion's prior), so that the regression sees the pairs too small to be
    /// counted as well as the counted ones; 0 (default): only the pairs with figures.</param>
    public static Dictionary<CountryPair, double> Complete(
        PairCovariates covariates, PairInversionResult result, IEnumerable<CountryPair> unfitted, double ridge = 1.0, UnfittedPairPrediction rule = UnfittedPairPrediction.Projected,
        double unfittedWeight = 0)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (rule == UnfittedPairPrediction.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), rule, "the second step predicts by the covariates or the host's level: Projected, Slopes, ShrunkSlopes, HostMeans or AllHostMeans");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(unfittedWeight);
        var predicted = unfitted.Where(p => !p.IsTotal && p.Segment == PairSegment.Degree && !result.Evidence.ContainsKey(p)).Distinct().ToArray();
        var weights = result.Evidence.ToDictionary(kv => kv.Key, kv => kv.Value.Sum(o => o.Weight));
        var regressed = new Dictionary<CountryPair, double>(result.Constants);
        foreach (var pair in unfittedWeight > 0 ? predicted : [])
        {
            // Whatever constant the pair had (an earlier prediction) carries no figure: it enters at 0.
            regressed[pair] = 0;
            weights[pair] = unfittedWeight;
        }

        var constants = new Dictionary<CountryPair, double>(result.Constants);
        if (rule is UnfittedPairPrediction.HostMeans or UnfittedPairPrediction.AllHostMeans)
        {
            var fittedTotals = rule == UnfittedPairPrediction.HostMeans
                ? result.Evidence.Keys.Where(p => p.IsTotal && p.Origin == Observation.AllCountries).Select(p => p.Destination)
                : [];
            var levels = HostLevels(regressed, weights, ridge, fittedTotals);
            foreach (var pair in predicted)
            {
                constants[pair] = levels.GetValueOrDefault(pair.Destination);
            }

            return constants;
        }

        var projection = Fit(covariates, regressed, weights, ridge, rule is UnfittedPairPrediction.Slopes or UnfittedPairPrediction.ShrunkSlopes, rule == UnfittedPairPrediction.ShrunkSlopes);
        foreach (var pair in predicted)
        {
            constants[pair] = projection.Predict(pair);
        }

        return constants;
    }

    /// <summary>
    /// Each host's level for <see cref="UnfittedPairPrediction.HostMeans"/> and <see cref="UnfittedPairPrediction.AllHostMeans"/>: sum w c / (sum w + ridge) over the degree
    /// pairs into it with a positive weight, for the hosts not in <paramref name="fittedTotals"/> (whose destination shift
    /// carries their level); a host without such a pair is absent (level 0).
    /// </summary>
    public static Dictionary<string, double> HostLevels(
        IReadOnlyDictionary<CountryPair, double> constants, IReadOnlyDictionary<CountryPair, double> weights, double ridge, IEnumerable<string> fittedTotals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ridge);
        var excluded = fittedTotals.ToHashSet(StringComparer.Ordinal);
        var sums = new Dictionary<string, (double WeightedSum, double Weight)>(StringComparer.Ordinal);
        foreach (var (pair, value) in constants)
        {
            if (pair.IsTotal || pair.Segment != PairSegment.Degree || excluded.Contains(pair.Destination) || !weights.TryGetValue(pair, out double w) || !(w > 0))
            {
                continue;
            }

            var (sum, total) = sums.GetValueOrDefault(pair.Destination);
            sums[pair.Destination] = (sum + (w * value), total + w);
        }

        return sums.ToDictionary(kv => kv.Key, kv => kv.Value.WeightedSum / (kv.Value.Weight + ridge), StringComparer.Ordinal);
    }

    /// <summary>x(o,h) beta for a pair's degree constant (without the intercept if fitted slopes only).</summary>
    public double Predict(CountryPair pair)
    {
        double[] row = covariates.Of(pair.Origin, pair.Destination);
        double slopes = 0;
        for (int j = 0; j < row.Length; j++)
        {
            slopes += scale[j] > 0 ? beta[j + 1] * (row[j] - mean[j]) / scale[j] : 0;
        }

        return level + (shrink * slopes);
    }
}
