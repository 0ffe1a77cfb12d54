namespace Mobility.Model.World.Ties;

/// <summary>
/// Ties between countries that predate a run (ties.csv): migrant stocks, labour migrants, co-ethnic populations,
/// kin minorities, tuition. Lookups return the published figure (the latest year when there are several) and, for
/// migrant stocks of a member origin without one, the value of the <see cref="DiasporaGravity"/> relation, marked
/// imputed.
/// </summary>
public sealed class WorldTies
{
    private readonly IReadOnlyList<Country> countries;
    private readonly Dictionary<(TieKind Kind, int Origin, int Destination), PairTie> latest = [];

    /// <param name="distanceKm">Between capitals, [origin, destination].</param>
    /// <param name="immigrantStock">Per country (NaN where unknown): the destination mass of the imputation.</param>
    public WorldTies(IReadOnlyList<PairTie> rows, IReadOnlyList<Country> countries, double[,] distanceKm, IReadOnlyList<double> immigrantStock)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(countries);
        Rows = rows;
        this.countries = countries;
        foreach (PairTie row in rows)
        {
            var key = (row.Kind, row.Origin, row.Destination);
            if (!latest.TryGetValue(key, out PairTie? earlier) || row.Year > earlier.Year)
            {
                latest[key] = row;
            }
        }

        var published = rows
            .Where(r => r.Kind == TieKind.MigrantStock && r.Origin != PairTie.AllOrigins && latest[(r.Kind, r.Origin, r.Destination)] == r)
            .Select(r => (r.Origin, r.Destination, r.Value))
            .ToArray();
        Gravity = DiasporaGravity.Fit(countries, distanceKm, immigrantStock, published);
    }

    /// <summary>Every published row, in file order.</summary>
    public IReadOnlyList<PairTie> Rows { get; }

    /// <summary>The relation migrant stocks are imputed with (null when the world has no published stock).</summary>
    public DiasporaGravity? Gravity { get; }

    /// <summary>
    /// Citizens of <paramref name="origin"/> living in <paramref name="destination"/>: published, else imputed for a
    /// member origin; null for an external origin without a figure.
    /// </summary>
    public TieValue? MigrantStock(int origin, int destination)
    {
        TieValue? published = Published(TieKind.MigrantStock, origin, destination);
        if (published is not null || origin == destination || !countries[origin].IsMember || Gravity is null
            || !Gravity.CanPredict(origin, destination))
        {
            return published;
        }

        return new TieValue(Gravity.Predict(origin, destination), null, Imputed: true);
    }

    /// <summary>Citizens of the origin going to work in the destination per year; null where none is published.</summary>
    public TieValue? LabourMigrants(int origin, int destination) => Published(TieKind.LabourMigrants, origin, destination);

    /// <summary>The origin's ethnic group living in the destination; null where the data name no such group.</summary>
    public TieValue? CoEthnicPopulation(int origin, int destination) => Published(TieKind.CoEthnicPopulation, origin, destination);

    /// <summary>The minority living in the origin whose kin state is the destination; null where none is named.</summary>
    public TieValue? KinMinority(int origin, int destination) => Published(TieKind.KinMinority, origin, destination);

    /// <summary>Published tuition for foreign students in the host, every row (several segments and years).</summary>
    public IReadOnlyList<PairTie> Tuition(int host)
        => Rows.Where(r => r.Kind == TieKind.TuitionUsd && r.Destination == host).ToArray();

    private TieValue? Published(TieKind kind, int origin, int destination)
        => latest.TryGetValue((kind, origin, destination), out PairTie? row) ? new TieValue(row.Value, row.Year, Imputed: false) : null;
}
