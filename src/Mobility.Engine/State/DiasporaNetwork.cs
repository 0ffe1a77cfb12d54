namespace Mobility.Engine.State;

using Mobility.Model.World;

/// <summary>
/// The ties that predate a run as a network (docs/ODD.md sections 7.2 and 7.4): for each member origin o and country h,
/// the people of o living in h - citizens of o (ties.csv <c>migrant_stock</c>, published or imputed by the gravity
/// relation), o's ethnic group (<c>co_ethnic_population</c>) and, where h is the kin state of a minority living in o,
/// that minority (<c>kin_minority</c>) - per 1000 of o's population. Present from the first simulated year and
/// constant during the run; the alumni network the model grows itself is a separate term.
/// </summary>
public sealed class DiasporaNetwork
{
    public DiasporaNetwork(WorldData world)
    {
        ArgumentNullException.ThrowIfNull(world);
        int c = world.Countries.Count;
        Persons = new double[c, c];
        DestinationTerm = new double[c, c];
        AbroadTerm = new double[c];
        var ties = world.Ties;
        for (int o = 0; o < c; o++)
        {
            double perThousand = Math.Max(1, world.Countries[o].Population / 1000);
            double abroad = 0;
            for (int h = 0; h < c; h++)
            {
                if (h == o)
                {
                    continue;
                }

                double persons = (ties.MigrantStock(o, h)?.Value ?? 0)
                    + (ties.CoEthnicPopulation(o, h)?.Value ?? 0)
                    + (ties.KinMinority(o, h)?.Value ?? 0);
                Persons[o, h] = persons;
                DestinationTerm[o, h] = Math.Log(1 + (persons / perThousand));
                abroad += persons;
            }

            AbroadTerm[o] = Math.Log(1 + (abroad / perThousand));
        }

        // Centred on the members' mean: the term's level is not identified apart from degreeMobility:a0, and every
        // member has about 180-460 tied people abroad per 1000, so uncentred it would only shift all propensities.
        double mean = 0;
        int members = 0;
        for (int o = 0; o < c; o++)
        {
            if (world.Countries[o].IsMember)
            {
                mean += AbroadTerm[o];
                members++;
            }
        }

        mean /= Math.Max(1, members);
        for (int o = 0; o < c; o++)
        {
            AbroadTerm[o] = world.Countries[o].IsMember ? AbroadTerm[o] - mean : 0;
        }
    }

    /// <summary>[o, h]: people of o tied to h (persons).</summary>
    public double[,] Persons { get; }

    /// <summary>[o, h]: ln(1 + Persons(o, h) per 1000 of o's population), the destination utility's diaspora term before its weight.</summary>
    public double[,] DestinationTerm { get; }

    /// <summary>
    /// [o]: ln(1 + all of o's tied people abroad per 1000 of o's population) minus the members' mean of the same (0 for
    /// external countries), the propensity's diaspora term before its weight.
    /// </summary>
    public double[] AbroadTerm { get; }
}
