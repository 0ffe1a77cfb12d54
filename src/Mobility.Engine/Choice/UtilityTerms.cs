namespace Mobility.Engine.Choice;

using System.Runtime.CompilerServices;
using Mobility.Engine.State;

/// <summary>
/// The terms of a destination's utility V (docs/ODD.md section 7.2) that do not depend on the agent type or the
/// table, computed once at the start of a year's table builds instead of once per table and university: about 500
/// tables of up to 164 universities a year would otherwise take three logarithms each for terms of the
/// (origin, host) pair or of the university alone.
/// </summary>
/// <remarks>
/// Each stored term is the same product of the same operands as in the per-table expression, and
/// <see cref="Of"/> adds them in the expression's order, so V is bit for bit what the expression gives (.NET does not
/// contract a multiplication and an addition into one rounding). Everything a year changes (rankings, image,
/// stocks, policies) is read when <see cref="Prepare"/> runs, so it must run after the year's policies and before its
/// first table.
/// </remarks>
internal sealed class UtilityTerms
{
    private readonly SimulationState s;
    private readonly int c;

    /// <summary>destinationShift[h] + pairShift[o][h] by [o * countries + h].</summary>
    private readonly double[] shift;

    // By [o * countries + h].
    private readonly double[] distance;
    private readonly double[] visa;
    private readonly double[] image;
    private readonly double[] network;
    private readonly double[] diaspora;
    private readonly double[] recognition;

    // By host country.
    private readonly double[] shock;

    // By university.
    private readonly double[] quality;
    private readonly double[] size;

    /// <summary>bLanguage * language match by [((o * 2) + english) * universities + i].</summary>
    private readonly double[] language;
    private readonly int universities;

    public UtilityTerms(SimulationState state, double[] shift)
    {
        s = state;
        c = state.CountryCount;
        this.shift = shift;
        int pairs = c * c;
        distance = new double[pairs];
        visa = new double[pairs];
        image = new double[pairs];
        network = new double[pairs];
        diaspora = new double[pairs];
        recognition = new double[pairs];
        shock = new double[c];
        universities = state.Universities.Count;
        quality = new double[universities];
        size = new double[universities];
        language = new double[c * 2 * universities];
    }

    /// <summary>Computes the year's terms from the state as it is now.</summary>
    public void Prepare()
    {
        var b = s.Settings.Choice;
        var u = s.Universities;
        var p = s.Policies;
        for (int o = 0; o < c; o++)
        {
            double enrolmentThousands = Math.Max(1, s.Countries[o].TertiaryEnrolment / 1000);
            for (int h = 0; h < c; h++)
            {
                int oh = (o * c) + h;
                double alumni = (s.AlumniStudiedIn[o, h] + s.PreviousStocks[o, h]) * s.Scale / enrolmentThousands;
                distance[oh] = b.BDistance * Math.Log(1 + (s.World.DistanceKm[o, h] / 1000));
                visa[oh] = b.BVisa * p.Visa[o, h];
                image[oh] = b.BImage * s.Image[o, h];
                network[oh] = b.BNetwork * Math.Log(1 + alumni);
                diaspora[oh] = b.BDiaspora * s.Diaspora.DestinationTerm[o, h];
                recognition[oh] = b.BRecognition * p.Recognition[o, h];
            }
        }

        for (int h = 0; h < c; h++)
        {
            shock[h] = Math.Log(p.ShockMultiplier[h]);
        }

        for (int i = 0; i < u.Count; i++)
        {
            double seatsThousands = Math.Max(1e-3, u.ForeignSeatsBase[i] * p.SeatMultiplier[u.Country[i]] / 1000);
            quality[i] = b.BQuality * u.Composite[i] / 100;
            size[i] = b.BSize * Math.Log(seatsThousands);
        }

        for (int o = 0; o < c; o++)
        {
            for (int e = 0; e < 2; e++)
            {
                int row = ((o * 2) + e) * universities;
                for (int i = 0; i < u.Count; i++)
                {
                    language[row + i] = b.BLanguage * s.LanguageMatch(o, e == 1, u.Languages[i], u.EnglishShare[i]);
                }
            }
        }
    }

    /// <summary>V of university <paramref name="i"/> for an agent of origin <paramref name="o"/>, with the cost already divided by the budget.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Of(int o, int i, bool english, double relativeCost)
    {
        int h = s.Universities.Country[i];
        int oh = (o * c) + h;
        return quality[i]
            - distance[oh]
            + language[((((o * 2) + (english ? 1 : 0)) * universities) + i)]
            - (s.Settings.Choice.BCost * relativeCost)
            - visa[oh]
            + image[oh]
            + network[oh]
            + diaspora[oh]
            + recognition[oh]
            + size[i]
            + shock[h]
            + shift[oh];
    }
}
