namespace Mobility.Model.Policies;

using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>
/// What a lever sees of the year it is resolved for: the year, the world, the settings, the <see cref="PolicyState"/>
/// it moves, and what only the engine can do (round persons to agents with the lever's own random streams; reach the
/// universities, including branch campuses).
/// </summary>
public abstract class PolicyYear
{
    protected PolicyYear(WorldData world, ScenarioSettings settings, PolicyState state)
    {
        World = world;
        Settings = settings;
        State = state;
    }

    public WorldData World { get; }

    public ScenarioSettings Settings { get; }

    public PolicyState State { get; }

    /// <summary>The year whose levers are in force: the simulated year, or the start year during spin-up.</summary>
    public abstract int Year { get; }

    /// <summary>Whether the year is reported (spin-up years are not).</summary>
    public abstract bool IsReported { get; }

    /// <summary>
    /// An expected number of persons as a whole number of agents (persons / scale, rounded stochastically so that
    /// its mean is exact), drawn from stream <paramref name="index"/> of the lever's claim <paramref name="owner"/>.
    /// </summary>
    public abstract int RoundToAgents(double persons, string owner, int index);

    /// <summary>Academic staff (persons) of a country's universities, branch campuses included.</summary>
    public abstract double StaffPersons(int country);

    /// <summary>Universities of the run: those of the world data, then the branch campuses.</summary>
    public abstract int UniversityCount { get; }

    /// <summary>Index of the university with this id (any letter case), or -1.</summary>
    public abstract int UniversityIndex(string id);

    public abstract int UniversityCountry(int university);

    /// <summary>A country's "other institutions" row.</summary>
    public abstract bool IsAggregate(int university);

    /// <summary>Adds to a university's accumulated quality investment (score points).</summary>
    public abstract void Invest(int university, double reputationPoints, double citationsPoints);

    /// <summary>
    /// <paramref name="persons"/> funded a year as a share of an origin's reference for full aid:
    /// persons / max(1, cohort * admission:fullAidShareOfCohort).
    /// </summary>
    public double AidShare(int origin, double persons)
        => persons / Math.Max(1, State.CohortPersons[origin] * Settings.Admission.FullAidShareOfCohort);
}
