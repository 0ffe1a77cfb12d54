namespace Mobility.Output.Sweeps;

/// <summary>One entry of a design file's <c>parameters</c> list.</summary>
public sealed class SweepParameterFile
{
    /// <summary>Configuration path of the setting, as for --set (e.g. <c>degreeMobility:a0</c>).</summary>
    public string? Path { get; set; }

    /// <summary>Column name in the outputs (default: the last segment of the path).</summary>
    public string? Name { get; set; }

    /// <summary>[min, max].</summary>
    public List<double> Range { get; set; } = [];

    /// <summary>Explicit values (instead of a range).</summary>
    public List<double> Levels { get; set; } = [];

    /// <summary>Round values to whole numbers.</summary>
    public bool Integer { get; set; }
}
