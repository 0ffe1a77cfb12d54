namespace Mobility.Input.Priors;

/// <summary>One entry of a priors file's <c>priors</c> list: the coefficient, its distribution and why.</summary>
public sealed class PriorEntryFile
{
    /// <summary>Configuration path of the coefficient, as for --set (e.g. <c>choice:bNetwork</c>).</summary>
    public string? Coefficient { get; set; }

    /// <summary><c>normal</c>, <c>lognormal</c> or <c>uniform</c>.</summary>
    public string? Distribution { get; set; }

    /// <summary>Normal: the mean.</summary>
    public double? Mean { get; set; }

    /// <summary>Normal: the standard deviation.</summary>
    public double? Sd { get; set; }

    /// <summary>Log-normal: the median (e^mu).</summary>
    public double? Median { get; set; }

    /// <summary>Log-normal: the standard deviation of the log.</summary>
    public double? SdLog { get; set; }

    /// <summary>Uniform: the lower end; normal and log-normal: an optional truncation bound.</summary>
    public double? Lower { get; set; }

    /// <summary>Uniform: the upper end; normal and log-normal: an optional truncation bound.</summary>
    public double? Upper { get; set; }

    /// <summary>One line: why this prior (the source, or the model default it is centred on).</summary>
    public string? Justification { get; set; }
}
