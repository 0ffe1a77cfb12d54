namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Globalization;
using Mobility.Experiments.Posterior;

/// <summary>
/// The annealed ABC-SMC options shared by <c>posterior</c> and <c>sbc</c>, how they are read and how they are checked;
/// defaults from <see cref="AbcSmcOptions"/> and <see cref="ObservationErrorModel"/>.
/// </summary>
internal sealed class SamplerOptions
{
    private static readonly AbcSmcOptions Defaults = new();

    public Option<int> MinGenerations { get; } = new("--min-generations")
    {
        Description = "Generations at least, counting generation 0: a run that reaches temperature 1 earlier goes on at temperature 1, each generation adding to the pooled posterior.",
        DefaultValueFactory = _ => Defaults.MinGenerations,
    };

    public Option<double> EssFraction { get; } = new("--ess-fraction")
    {
        Description = "Each generation's temperature is the lowest that keeps the pooled effective sample size (all generations so far) at least this share of the particles; at temperature 1 the run stops once the pool has it.",
        DefaultValueFactory = _ => Defaults.EssFraction,
    };

    public Option<double> PriorShare { get; } = new("--prior-share")
    {
        Description = "Share of each generation's proposals drawn from the prior (defensive importance sampling: bounds every weight by 1 / share).",
        DefaultValueFactory = _ => Defaults.PriorShare,
    };

    public Option<double> KernelScale { get; } = new("--kernel-scale")
    {
        Description = "The perturbation kernel's covariance is this times the previous generation's weighted covariance (smaller: higher effective sample size, smaller moves).",
        DefaultValueFactory = _ => Defaults.KernelScale,
    };

    public Option<double> ErrorScale { get; } = new("--error-scale")
    {
        Description = "Scale sigma of the observation-error model (log units): a figure is the simulation times exp(e), e flat within the figure's range and tolerance, "
            + "normal with sd sigma / sqrt(weight) beyond it up to the Huber scale ln 1.5, exponential further out; the calibration objective is its log density "
            + "(docs/uncertainty.md). The default 0.5 makes a medium-confidence figure off by a median factor 2.1, the calibration's cross-validated error.",
        DefaultValueFactory = _ => ObservationErrorModel.DefaultScale,
    };

    /// <summary>The sampler settings of the command line on top of <paramref name="options"/> (particles, generations and budget are the verb's).</summary>
    public AbcSmcOptions Read(ParseResult parseResult, AbcSmcOptions options) => options with
    {
        MinGenerations = parseResult.GetValue(MinGenerations),
        EssFraction = parseResult.GetValue(EssFraction),
        KernelScale = parseResult.GetValue(KernelScale),
        PriorShare = parseResult.GetValue(PriorShare),
    };

    /// <summary>What is wrong with the sampler settings and the error scale, each problem naming its option.</summary>
    public static List<string> Problems(AbcSmcOptions options, double errorScale)
    {
        var problems = options.Problems().ToList();
        if (!(errorScale > 0) || !double.IsFinite(errorScale))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--error-scale must be a positive number (was {errorScale})"));
        }

        return problems;
    }
}
