namespace Mobility.Model.Uncertainty;

/// <summary>The distribution families a prior can take (named as in the priors file).</summary>
public enum PriorKind
{
    /// <summary>Normal(mean, sd), optionally truncated to [lower, upper].</summary>
    Normal,

    /// <summary>Log-normal with a median and the sd of the log, optionally truncated; for coefficients that are positive by construction.</summary>
    LogNormal,

    /// <summary>Uniform on [lower, upper].</summary>
    Uniform,
}
