namespace Mobility.Engine.Phases;

using Mobility.Engine.State;
using Mobility.Engine.Random;
using Mobility.Model.Policies;

/// <summary>The simulation's side of <see cref="PolicyYear"/>: the run's year, scale, seed, random streams and universities.</summary>
internal sealed class SimulatedPolicyYear : PolicyYear
{
    private readonly SimulationState s;

    public SimulatedPolicyYear(SimulationState state)
        : base(state.World, state.Settings, state.Policies)
    {
        s = state;
    }

    public override int Year => Math.Max(s.Year, s.Settings.Scenario.StartYear);

    public override bool IsReported => !s.IsSpinUp;

    public override int UniversityCount => s.Universities.Count;

    public override int RoundToAgents(double persons, string owner, int index)
    {
        var streams = s.Policies.Streams ?? throw new InvalidOperationException("the run's random-stream ids were not allocated");
        return RandomStream.StochasticRound(persons / s.Scale, s.Seed, streams.Entity(owner, index), s.Year);
    }

    public override double StaffPersons(int country) => s.StaffPersons[country];

    public override int UniversityIndex(string id)
        => Array.FindIndex(s.Universities.Id, x => string.Equals(x, id, StringComparison.OrdinalIgnoreCase));

    public override int UniversityCountry(int university) => s.Universities.Country[university];

    public override bool IsAggregate(int university) => s.Universities.IsAggregate[university];

    public override void Invest(int university, double reputationPoints, double citationsPoints)
    {
        s.Universities.ReputationInvestment[university] += reputationPoints;
        s.Universities.CitationsInvestment[university] += citationsPoints;
    }
}
