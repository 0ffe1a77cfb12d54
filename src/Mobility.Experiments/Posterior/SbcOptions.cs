namespace Mobility.Experiments.Posterior;

/// <summary>The size of a simulation-based calibration.</summary>
public sealed record SbcOptions
{
    /// <summary>Simulated data sets, each with its true coefficients drawn from the prior and its own posterior.</summary>
    public int DataSets { get; init; } = 50;

    /// <summary>Equally weighted posterior draws a true value is ranked among (ranks 0..L).</summary>
    public int Draws { get; init; } = 19;

    /// <summary>Bins of the rank histogram and of the chi-square test (L + 1 must be a multiple of it).</summary>
    public int Bins { get; init; } = 5;

    /// <summary>The ABC-SMC run on each data set; its seed is replaced by each data set's own.</summary>
    public AbcSmcOptions Abc { get; init; } = new();

    /// <summary>The observation-error model's scale sigma (<see cref="ObservationErrorModel"/>): the data's noise and the posteriors' kernel.</summary>
    public double ErrorScale { get; init; } = ObservationErrorModel.DefaultScale;

    /// <summary>Seeds the true coefficients, the data's simulations and every posterior.</summary>
    public ulong Seed { get; init; } = 1;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(DataSets, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(Draws, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Bins, 2);
        if ((Draws + 1) % Bins != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Bins), Bins, $"the {Draws + 1} possible ranks must split evenly into the bins");
        }

        if (!(ErrorScale > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ErrorScale), ErrorScale, "the error scale must be positive");
        }

        Abc.Validate();
    }
}
