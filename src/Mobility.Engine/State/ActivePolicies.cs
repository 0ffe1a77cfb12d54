namespace Mobility.Engine.State;

using Mobility.Engine.Random;
using Mobility.Model.Agents;
using Mobility.Model.Policies;

/// <summary>The levers in force in one year, resolved into the quantities the phases use (<see cref="PolicyState"/>).</summary>
internal sealed class ActivePolicies : PolicyState
{
    public ActivePolicies(int countries)
        : base(countries)
    {
    }

    /// <summary>The run's non-agent random-stream ids: the engine's own and those the levers claimed (set by the first year's policy phase).</summary>
    public StreamIdAllocator? Streams { get; set; }
}

internal static class FundingPriority
{
    /// <summary>Funded applicants are admitted before self-funded ones.</summary>
    public static int Of(Funding funding) => funding == Funding.Self ? 1 : 0;
}
