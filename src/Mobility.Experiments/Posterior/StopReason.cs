namespace Mobility.Experiments.Posterior;

/// <summary>Why an ABC-SMC run stopped.</summary>
public enum StopReason
{
    /// <summary>It reached the maximum number of generations.</summary>
    Generations,

    /// <summary>The next tolerance would have shrunk by less than the minimum decrease.</summary>
    ToleranceStalled,

    /// <summary>A generation's acceptance rate fell below the floor; that generation was abandoned.</summary>
    AcceptanceFloor,

    /// <summary>The next generation would have exceeded the simulation budget; it was abandoned.</summary>
    SimulationBudget,
}
