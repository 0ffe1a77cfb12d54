namespace Mobility.Experiments.Calibration;

using Mobility.Engine.State;
using Mobility.Model.World;

/// <summary>
/// The covariates of an origin-destination pair that the destination utility V reads (docs/ODD.md 7.2), at the pair
/// level and without their coefficients, for Berry's second step (<see cref="PairProjection"/>): distance
/// ln(1 + km/1000), whether the two countries share a language, the ties that predate the run (the diaspora term),
/// the visa barrier, the baseline image, the host's log living cost, its quality (-ln of its best QS rank), its size
/// (ln of its foreign seats, thousands), and whether host and origin are members (external origins choose among the
/// members and the outside option, a different table).
/// </summary>
public sealed class PairCovariates
{
    /// <summary>Names of the covariates, in the order of <see cref="Of"/>.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["ln distance", "shared language", "ties (diaspora term)", "visa barrier", "image", "ln living cost of host", "host quality (-ln best rank)", "ln host foreign seats", "host is a member", "origin is a member"];

    /// <summary>Rank given to a host without a ranked university.</summary>
    private const int Unranked = 1500;

    private readonly WorldData world;
    private readonly DiasporaNetwork diaspora;
    private readonly double[] quality;
    private readonly double[] seats;

    public PairCovariates(WorldData world)
    {
        ArgumentNullException.ThrowIfNull(world);
        this.world = world;
        diaspora = new DiasporaNetwork(world);
        int c = world.Countries.Count;
        var best = Enumerable.Repeat(Unranked, c).ToArray();
        seats = new double[c];
        foreach (var u in world.Universities)
        {
            best[u.Country] = Math.Min(best[u.Country], u.QsRank ?? Unranked);
            seats[u.Country] += u.ForeignSeats;
        }

        quality = best.Select(r => -Math.Log(r)).ToArray();
    }

    /// <summary>The covariates of students of <paramref name="origin"/> choosing <paramref name="host"/> (country codes).</summary>
    public double[] Of(string origin, string host)
    {
        int o = world.CountryIndex(origin), h = world.CountryIndex(host);
        var co = world.Countries[o];
        var ch = world.Countries[h];
        return
        [
            Math.Log(1 + (world.DistanceKm[o, h] / 1000)),
            co.Languages.Overlaps(ch.Languages) ? 1 : 0,
            diaspora.DestinationTerm[o, h],
            world.VisaBarrier[o, h],
            world.BaselineImage[o, h],
            Math.Log(Math.Max(1, ch.LivingCostUsd)),
            quality[h],
            Math.Log(Math.Max(1e-3, seats[h] / 1000)),
            ch.IsMember ? 1 : 0,
            co.IsMember ? 1 : 0,
        ];
    }
}
