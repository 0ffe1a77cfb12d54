namespace Mobility.Cli.Verbs;

using System.CommandLine;
using Mobility.Experiments.Posterior;

/// <summary>The annealed ABC-SMC options shared by <c>posterior</c> and <c>sbc</c>; defaults from <see cref="AbcSmcOptions"/> and <see cref="ObservationErrorModel"/>.</summary>
internal static class SamplerOptions
{
    private static readonly AbcSmcOptions Defaults = new();

    public static Option<int> MinGenerations() => new("--min-generations")
    {
        Description = "Generations at least, counting generation 0: a run that reaches temperature 1 earlier goes on at temperature 1.",
        DefaultValueFactory = _ => Defaults.MinGenerations,
    };

    public static Option<double> EssFraction() => new("--ess-fraction")
    {
        Description = "Each generation's temperature is the lowest that keeps the effective sample size at least this share of the particles.",
        DefaultValueFactory = _ => Defaults.EssFraction,
    };

    public static Option<double> PriorShare() => new("--prior-share")
    {
        Description = "Share of each generation's proposals drawn from the prior (defensive importance sampling: bounds every weight by 1 / share).",
        DefaultValueFactory = _ => Defaults.PriorShare,
    };

    public static Option<double> KernelScale() => new("--kernel-scale")
    {
        Description = "The perturbation kernel's covariance is this times the previous generation's weighted covariance (smaller: higher effective sample size, smaller moves).",
        DefaultValueFactory = _ => Defaults.KernelScale,
    };

    public static Option<double> ErrorScale() => new("--error-scale")
    {
        Description = "Scale sigma of the observation-error model (log units): a figure is the simulation times exp(e), e flat within the figure's range and tolerance, "
            + "normal with sd sigma / sqrt(weight) beyond it up to the Huber scale ln 1.5, exponential further out; the calibration objective is its log density "
            + "(docs/uncertainty.md). The default 0.5 makes a medium-confidence figure off by a median factor 2.1, the calibration's cross-validated error.",
        DefaultValueFactory = _ => ObservationErrorModel.DefaultScale,
    };
}
