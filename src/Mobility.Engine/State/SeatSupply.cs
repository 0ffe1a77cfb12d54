namespace Mobility.Engine.State;

using Mobility.Model.Parameters;
using Mobility.Model.World;
using Mobility.Model.World.Series;

/// <summary>
/// The supply rule of foreign seats (docs/ODD.md section 7.6): each host's foreign degree seats (persons, the world's
/// universities together; branch campuses of levers keep their own) follow its <c>foreign_seats</c> series while the
/// series has values (the years a source gives); afterwards, and for hosts without such a series, seats expand each
/// year toward last year's demand (continuing foreign students plus applicants who listed the host first):
/// <c>seats += rate(h) * max(0, demand - seats)</c>, <c>rate(h) = admission:seatExpansionRate * fee(h) / (fee(h) +
/// admission:feeReferenceUsd)</c>, where <c>fee(h)</c> is the host's seat-weighted tuition for foreigners. Seats never
/// shrink by the rule, and never grow past a government's target (series <c>foreign_student_target</c>) where one is
/// set. So a cap binds only where a series says so.
/// </summary>
internal sealed class SeatSupply
{
    private readonly WorldData world;
    private readonly double[] baseSeats;
    private readonly double[] rate;
    private readonly int[] lastSeriesYear;
    private bool started;

    /// <param name="universities">The run's universities: those of the world data (opening at int.MinValue) make up the base.</param>
    public SeatSupply(WorldData world, UniversityTable universities, AdmissionCoefficients admission)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(universities);
        ArgumentNullException.ThrowIfNull(admission);
        this.world = world;
        int c = world.Countries.Count;
        baseSeats = new double[c];
        rate = new double[c];
        lastSeriesYear = new int[c];
        Seats = new double[c];
        Factor = new double[c];
        Demand = new long[c];
        FeeUsd = new double[c];
        var fees = new double[c];
        for (int u = 0; u < universities.Count; u++)
        {
            if (universities.Opens[u] == int.MinValue)
            {
                int h = universities.Country[u];
                baseSeats[h] += universities.ForeignSeatsBase[u];
                fees[h] += universities.ForeignSeatsBase[u] * universities.TuitionBase[u];
            }
        }

        for (int h = 0; h < c; h++)
        {
            double fee = baseSeats[h] > 0 ? fees[h] / baseSeats[h] : 0;
            FeeUsd[h] = fee;
            rate[h] = admission.SeatExpansionRate * fee / (fee + admission.FeeReferenceUsd);
            var given = world.Series.Points(SeriesEntity.Country(h), SeriesVariable.ForeignSeats);
            lastSeriesYear[h] = given.Count > 0 ? given[^1].Year : int.MinValue;
            Seats[h] = baseSeats[h];
            Factor[h] = 1;
        }
    }

    /// <summary>[h]: foreign degree seats of the world's universities of h this year (persons), before the levers' multiplier.</summary>
    public double[] Seats { get; }

    /// <summary>[h]: Seats / the seats of universities.csv: what every world university's foreign seats are multiplied by.</summary>
    public double[] Factor { get; }

    /// <summary>[h]: seat-weighted yearly tuition for foreigners (USD) of h's world universities.</summary>
    public double[] FeeUsd { get; }

    /// <summary>[h]: this year's demand for foreign degree seats in h (agents), written by admission and read next year.</summary>
    public long[] Demand { get; }

    /// <summary>
    /// Sets this year's seats: from the series while it has values, else by the rule from last year's demand (none in
    /// the first simulated year). <paramref name="leverMultiplier"/>: the levers' seat multiplier of each host this year.
    /// </summary>
    public void Advance(int year, double scale, double[] leverMultiplier)
    {
        var series = world.Series;
        for (int h = 0; h < Seats.Length; h++)
        {
            if (year <= lastSeriesYear[h])
            {
                Seats[h] = series.ValueAt(SeriesEntity.Country(h), SeriesVariable.ForeignSeats, year);
            }
            else if (started)
            {
                double multiplier = leverMultiplier[h] > 0 ? leverMultiplier[h] : 1;
                double excess = (Demand[h] * scale) - (Seats[h] * multiplier);
                double grown = Seats[h] + (rate[h] * Math.Max(0, excess) / multiplier);
                if (series.TryValueAt(SeriesEntity.Country(h), SeriesVariable.ForeignStudentTarget, year, out double target))
                {
                    grown = Math.Min(grown, Math.Max(target, Seats[h]));
                }

                Seats[h] = grown;
            }

            Factor[h] = baseSeats[h] > 0 ? Seats[h] / baseSeats[h] : 1;
        }

        started = true;
        Array.Clear(Demand);
    }

    /// <summary>Captures or restores what the rule carries from year to year (a snapshot of the state, section 7.6).</summary>
    public void Exchange(StateColumns c)
    {
        started = c.Scalar("seatSupply.started", started ? 1 : 0) != 0;
        c.Column("seatSupply.seats", Seats);
        c.Column("seatSupply.factor", Factor);
        c.Column("seatSupply.demand", Demand);
    }
}
