namespace Mobility.Experiments.Posterior;

/// <summary>Why an annealed ABC-SMC run stopped.</summary>
public enum StopReason
{
    /// <summary>It reached temperature 1 (and the minimum number of generations): the last generation is the posterior.</summary>
    Converged,

    /// <summary>It reached the maximum number of generations before temperature 1: the last generation is a tempered posterior, wider than the posterior.</summary>
    Generations,

    /// <summary>The next generation would have exceeded the simulation budget (before temperature 1 if the last temperature is above 1).</summary>
    SimulationBudget,
}
