namespace Mobility.Experiments.Calibration;

using Mobility.Engine.State;
using Mobility.Model.World;

/// <summary>
/// The covariates of an origin-destination pair that the destination utility V reads (docs/ODD.md 7.2), at the pair
/// level and without their coefficients, for Berry's second step (<see cref="PairProjection"/>): distance
/// ln(1 + km/1000), whether the two countries share a language, the ties that predate the run (the diaspora term),
/// the visa barrier, the baseline image, the host's log living cost, its quality (-ln of its best QS rank), its size
/// (ln of its foreign seats, thousands), and whether host and origin are members (external origins choose among the
/// members and the outside option, a different table); optionally origin effects (one indicator per member origin)
/// and host effects (one per host country).
/// </summary>
public sealed class PairCovariates
{
    /// <summary>Names of the structural covariates.</summary>
    private static readonly string[] Structural =
        ["ln distance", "shared language", "ties (diaspora term)", "visa barrier", "image", "ln living cost of host", "host quality (-ln best rank)", "ln host foreign seats", "host is a member", "origin is a member"];

    /// <summary>Rank given to a host without a ranked university.</summary>
    private const int Unranked = 1500;

    private readonly WorldData world;
    private readonly DiasporaNetwork diaspora;
    private readonly double[] quality;
    private readonly double[] seats;

    private readonly int[] originEffect;
    private readonly int[] hostEffect;

    /// <param name="originEffects">Also an indicator per member origin.</param>
    /// <param name="hostEffects">Also an indicator per host country.</param>
    public PairCovariates(WorldData world, bool originEffects = false, bool hostEffects = false)
    {
        ArgumentNullException.ThrowIfNull(world);
        this.world = world;
        var names = new List<string>(Structural);
        originEffect = world.Countries.Select(c => originEffects && c.IsMember ? Add(names, "origin " + c.Code) : -1).ToArray();
        hostEffect = world.Countries.Select(c => hostEffects ? Add(names, "host " + c.Code) : -1).ToArray();
        Names = names;
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

    /// <summary>Names of the covariates, in the order of <see cref="Of"/>.</summary>
    public IReadOnlyList<string> Names { get; }

    private static int Add(List<string> names, string name)
    {
        names.Add(name);
        return names.Count - 1;
    }

    /// <summary>The covariates of students of <paramref name="origin"/> choosing <paramref name="host"/> (country codes).</summary>
    public double[] Of(string origin, string host)
    {
        int o = world.CountryIndex(origin), h = world.CountryIndex(host);
        var co = world.Countries[o];
        var ch = world.Countries[h];
        var x = new double[Names.Count];
        double[] structural =
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
        structural.CopyTo(x, 0);
        if (originEffect[o] >= 0)
        {
            x[originEffect[o]] = 1;
        }

        if (hostEffect[h] >= 0)
        {
            x[hostEffect[h]] = 1;
        }

        return x;
    }
}
