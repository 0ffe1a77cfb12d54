namespace Mobility.Model.World.Ties;

using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearRegression;

/// <summary>
/// Imputes the citizens of an origin living in a destination where no figure is published, by a gravity relation
/// fitted to the published pairs:
/// <c>ln stock = b0 + b1 ln population(o) + b2 ln immigrants(h) + b3 ln distance(o,h) + b4 sharedLanguage + b5 bothFormerUssr</c>.
/// About ten published pairs cannot pin six coefficients (a plain fit gives distance the wrong sign and puts a
/// million Uzbeks in China), so every slope has a prior, in the range the gravity-migration literature reports,
/// added to the data as a pseudo-observation (mixed estimation, Theil and Goldberger 1961) and solved by least
/// squares (MathNet's QR). The intercept has no prior: the data set the level. The destination's mass is its
/// immigrant stock rather than its population, so that large countries closed to immigration (China, India) do
/// not attract large imputed stocks. README (scenarios/world) gives the fit.
/// </summary>
public sealed class DiasporaGravity
{
    /// <summary>The slopes in order, with their priors.</summary>
    public static readonly IReadOnlyList<GravityTerm> Terms =
    [
        new("ln population of origin", 1.0, 0.25),
        new("ln immigrant stock of destination", 0.7, 0.25),
        new("ln distance between capitals (km)", -1.0, 0.25),
        new("shared language", 0.7, 0.5),
        new("both former Soviet republics", 1.0, 0.7),
    ];

    /// <summary>The residual standard deviation the data rows are assumed to have; it weighs the priors (a prior
    /// row counts as much as ResidualSd / PriorSd data rows on its own slope).</summary>
    public const double ResidualSd = 0.6;

    /// <summary>The former Soviet republics (ISO 3166-1 alpha-3).</summary>
    public static readonly IReadOnlySet<string> FormerSovietRepublics = new HashSet<string>(
        ["ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LTU", "LVA", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"],
        StringComparer.OrdinalIgnoreCase);

    private readonly IReadOnlyList<Country> countries;
    private readonly double[,] distanceKm;
    private readonly IReadOnlyList<double> immigrantStock;
    private readonly double[] coefficients;

    private DiasporaGravity(
        IReadOnlyList<Country> countries, double[,] distanceKm, IReadOnlyList<double> immigrantStock,
        IReadOnlyList<(int Origin, int Destination, double Stock)> data)
    {
        this.countries = countries;
        this.distanceKm = distanceKm;
        this.immigrantStock = immigrantStock;
        coefficients = Solve(data);
        Data = data.Select(d => new GravityPair(d.Origin, d.Destination, d.Stock, Predict(d.Origin, d.Destination))).ToArray();
    }

    /// <summary>Intercept first, then the slopes in the order of <see cref="Terms"/>.</summary>
    public IReadOnlyList<double> Coefficients => coefficients;

    /// <summary>The published pairs the relation was fitted to, with the fitted values.</summary>
    public IReadOnlyList<GravityPair> Data { get; }

    /// <summary>
    /// Fits the relation to published stocks; null when there are none or when a country it needs has no positive
    /// population or immigrant stock.
    /// </summary>
    /// <param name="immigrantStock">Per country; NaN where unknown.</param>
    public static DiasporaGravity? Fit(
        IReadOnlyList<Country> countries, double[,] distanceKm, IReadOnlyList<double> immigrantStock,
        IReadOnlyList<(int Origin, int Destination, double Stock)> data)
    {
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(distanceKm);
        ArgumentNullException.ThrowIfNull(immigrantStock);
        ArgumentNullException.ThrowIfNull(data);
        bool usable = data.Count > 0 && data.All(d => d.Stock > 0
            && CanPredict(countries, distanceKm, immigrantStock, d.Origin, d.Destination));
        return usable ? new DiasporaGravity(countries, distanceKm, immigrantStock, data) : null;
    }

    /// <summary>Whether the relation has what it needs for the pair (positive population, immigrant stock, distance).</summary>
    public bool CanPredict(int origin, int destination) => CanPredict(countries, distanceKm, immigrantStock, origin, destination);

    /// <summary>The stock the relation gives for a pair (persons).</summary>
    public double Predict(int origin, int destination)
    {
        double[] x = Regressors(origin, destination);
        double log = 0;
        for (int k = 0; k < x.Length; k++)
        {
            log += coefficients[k] * x[k];
        }

        return Math.Exp(log);
    }

    /// <summary>For each published pair, ln(predicted / observed) when the relation is fitted without that pair.</summary>
    public IReadOnlyList<double> LeaveOneOutLogErrors()
    {
        var data = Data.Select(d => (d.Origin, d.Destination, d.Observed)).ToArray();
        var errors = new double[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            var rest = data.Where((_, j) => j != i).ToArray();
            var without = new DiasporaGravity(countries, distanceKm, immigrantStock, rest);
            errors[i] = Math.Log(without.Predict(data[i].Origin, data[i].Destination) / data[i].Observed);
        }

        return errors;
    }

    private static bool CanPredict(IReadOnlyList<Country> countries, double[,] distanceKm, IReadOnlyList<double> immigrantStock, int origin, int destination)
        => origin != destination
            && countries[origin].Population > 0
            && immigrantStock[destination] > 0
            && distanceKm[origin, destination] > 0;

    /// <summary>The regressors of a pair, 1 (the intercept's) first, then in the order of <see cref="Terms"/>.</summary>
    public double[] Regressors(int origin, int destination)
    {
        Country o = countries[origin];
        Country h = countries[destination];
        return
        [
            1.0,
            Math.Log(o.Population),
            Math.Log(immigrantStock[destination]),
            Math.Log(distanceKm[origin, destination]),
            o.Languages.Overlaps(h.Languages) ? 1.0 : 0.0,
            FormerSovietRepublics.Contains(o.Code) && FormerSovietRepublics.Contains(h.Code) ? 1.0 : 0.0,
        ];
    }

    private double[] Solve(IReadOnlyList<(int Origin, int Destination, double Stock)> data)
    {
        int p = Terms.Count + 1;
        var rows = new List<double[]>();
        var targets = new List<double>();
        foreach (var (origin, destination, stock) in data)
        {
            rows.Add(Regressors(origin, destination));
            targets.Add(Math.Log(stock));
        }

        // A prior b_k ~ N(mean, sd) is the pseudo-observation (ResidualSd / sd) * b_k = (ResidualSd / sd) * mean.
        for (int k = 0; k < Terms.Count; k++)
        {
            double weight = ResidualSd / Terms[k].PriorSd;
            var row = new double[p];
            row[k + 1] = weight;
            rows.Add(row);
            targets.Add(weight * Terms[k].PriorMean);
        }

        Matrix<double> x = Matrix<double>.Build.DenseOfRowArrays(rows);
        Vector<double> y = Vector<double>.Build.DenseOfEnumerable(targets);
        return MultipleRegression.QR(x, y).ToArray();
    }
}
