namespace Mobility.Engine.Core;

using Mobility.Engine.Measurement;
using Mobility.Model.Parameters;
using Mobility.Model.World;

/// <summary>One run of the model: builds the initial state, steps every year, returns what it measured.</summary>
public sealed class Simulation
{
    private readonly WorldData world;
    private readonly ScenarioSettings settings;
    private readonly SimulationOptions options;

    public Simulation(WorldData world, ScenarioSettings settings, SimulationOptions? options = null)
    {
        this.world = world;
        this.settings = settings;
        this.options = options ?? new SimulationOptions();
    }

    public RunResult Run(IProgress<YearProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        _ = world;
        _ = settings;
        _ = options;
        throw new NotImplementedException("engine under construction");
    }
}
