namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mobility.Experiments.Posterior;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Input.Priors;
using Mobility.Output.Files;
using Mobility.Output.Posterior;
using Mobility.Reports.Posterior;

/// <summary>
/// <c>mobility sbc SCENARIO --priors FILE --observations FILE --out DIR [--data-sets N] [--draws L] ...</c>:
/// simulation-based calibration of the ABC-SMC posterior on the model itself. Draws true coefficients from the
/// priors, simulates data with them, computes each data set's posterior and ranks the truth among its draws; writes
/// ranks.csv, uniformity.csv (chi-square test per coefficient) and sbc-ranks.png.
/// </summary>
internal static class SbcVerb
{
    public static Command Create(CliContext context)
    {
        var scenario = CommonOptions.Scenario();
        var priors = new Option<string>("--priors") { Description = "Priors file (JSON), as for `mobility posterior`: the true coefficients are drawn from it.", Required = true };
        var observations = ObservationOptions.Observations();
        observations.Description = "Observations CSV, as for `mobility posterior`: only its figures' definitions (pairs, years, kinds, weights, tolerances) are used; "
            + "their values are replaced by each data set's simulation.";
        var dataSets = new Option<int>("--data-sets") { Description = "Simulated data sets (each: a truth, its data, its posterior).", DefaultValueFactory = _ => 50 };
        var draws = new Option<int>("--draws") { Description = "Posterior draws each truth is ranked among (ranks 0 to L).", DefaultValueFactory = _ => 9 };
        var bins = new Option<int>("--bins") { Description = "Bins of the rank histogram and of the chi-square test; L + 1 must be a multiple of it.", DefaultValueFactory = _ => 5 };
        var particles = new Option<int>("--particles") { Description = "Particles of each posterior.", DefaultValueFactory = _ => 30 };
        var generations = new Option<int>("--generations") { Description = "Generations of each posterior at most, counting generation 0.", DefaultValueFactory = _ => 12 };
        var sampler = new SamplerOptions();
        sampler.ErrorScale.Description = "Scale of the observation-error model, as for `mobility posterior`: the data are drawn from it around each truth's simulation, and each posterior assumes it.";
        var seed = new Option<ulong?>("--seed") { Description = "Seeds the truths, the data and the posteriors (default: scenario:seed). Same seed, same ranks, on any thread count." };
        var scale = ObservationOptions.Scale();
        var output = new Option<string>("--out") { Description = "Output folder: ranks.csv, uniformity.csv, sbc-ranks.png (written atomically).", Required = true };
        var threads = CommonOptions.Threads("The ranks do not depend on it.");
        var force = CommonOptions.Force();
        var set = CommonOptions.Set();
        var check = new Option<bool>("--check")
        {
            Description = "Exit with code 4 when the posteriors fail: a run ended tempered, or a coefficient's ranks are not uniform "
                + "(chi-square or KS p below 5% over the number of coefficients). For CI: the outputs are written either way.",
        };
        var command = new Command(
            "sbc",
            "Simulation-based calibration of `mobility posterior` on the model itself: true coefficients drawn from the priors, data simulated with them, a posterior "
            + "computed from each data set, and the rank of each truth among its posterior's draws; if the posteriors are right the ranks are uniform (chi-square test).")
        {
            scenario, priors, observations, dataSets, draws, bins, particles, generations, sampler.MinGenerations, sampler.EssFraction, sampler.KernelScale, sampler.PriorShare, sampler.ErrorScale, seed, scale, output, threads, force, set, check,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () =>
        {
            var clock = Stopwatch.StartNew();
            var problems = new List<string>();
            int n = parseResult.GetValue(dataSets), l = parseResult.GetValue(draws), b = parseResult.GetValue(bins);
            if (n < 2)
            {
                problems.Add($"--data-sets must be >= 2 (was {n})");
            }

            if (l < 1)
            {
                problems.Add($"--draws must be >= 1 (was {l})");
            }

            if (b < 2 || (l + 1) % b != 0)
            {
                problems.Add($"--bins must be >= 2 and divide the {l + 1} possible ranks (--draws + 1) evenly (was {b})");
            }

            var abc = sampler.Read(parseResult, new AbcSmcOptions { Particles = parseResult.GetValue(particles), MaxGenerations = parseResult.GetValue(generations) });
            double sigma = parseResult.GetValue(sampler.ErrorScale);
            problems.AddRange(SamplerOptions.Problems(abc, sigma));

            if (problems.Count > 0)
            {
                throw new InputException(problems);
            }

            LoadedPriors loadedPriors = PriorsLoader.Load(parseResult.GetValue(priors)!);
            string observationsPath = parseResult.GetValue(observations)!;
            var (template, window, loaded, _) = ObservationOptions.Prepare(
                CommonOptions.ResolveScenarioPath(parseResult.GetValue(scenario)!), observationsPath, parseResult.GetValue(set) ?? [], parseResult.GetValue(scale),
                replications: 1, environment: new Dictionary<string, string>());
            var variants = new ScenarioVariants(loaded);
            var prior = loadedPriors.Prior;
            Mobility.Model.Parameters.ScenarioSettings SettingsFor(double[] theta) => variants.Settings(prior.Coefficients.Select((c, k) => c.Set(theta[k])).ToArray());
            PosteriorVerb.CheckAgainstScenario(loadedPriors, variants); // every value the prior can draw must give a valid scenario

            int threadCount = parseResult.GetValue(threads);
            var options = new SbcOptions { DataSets = n, Draws = l, Bins = b, Abc = abc, ErrorScale = sigma, Seed = parseResult.GetValue(seed) ?? loaded.Settings.Scenario.Seed };
            using AtomicOutputDirectory folder = AtomicOutputDirectory.Begin(parseResult.GetValue(output)!, parseResult.GetValue(force));
            long simulations = 0;
            SbcResult result = SimulationBasedCalibration.Run(
                prior,
                template,
                window.ReportFrom,
                distance => new ModelParticleDistances(loaded.World, SettingsFor, distance, threadCount),
                (theta, dataSeed, distance) => new ModelParticleDistances(loaded.World, SettingsFor, distance, threadCount).Simulate(theta, dataSeed, distance),
                options,
                new Progress<int>(done => context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sbc: data set {done}/{n} done ({clock.Elapsed.TotalSeconds:F0} s)"))),
                cancellationToken);
            simulations = result.DataSets.Sum(d => d.Simulations);

            File.WriteAllText(Path.Combine(folder.WorkingPath, SbcFiles.RanksFile), SbcFiles.RanksCsv(result));
            File.WriteAllText(Path.Combine(folder.WorkingPath, SbcFiles.UniformityFile), SbcFiles.UniformityCsv(result));
            var chart = SbcChart.Render(result);
            File.WriteAllBytes(Path.Combine(folder.WorkingPath, chart.FileName), chart.Png);
            folder.Commit();

            var c = CultureInfo.InvariantCulture;
            context.Output.WriteLine(string.Create(c,
                $"simulation-based calibration: {n} data sets (simulation plus observation error of scale {sigma}), each a posterior of {abc.Particles} particles over at most {abc.MaxGenerations} generations, ranks among {l} draws, {b} bins"));
            int reachedOne = result.DataSets.Count(d => d.Temperature <= 1);
            var tempered = result.DataSets.Where(d => d.Temperature > 1).Select(d => d.Temperature).ToArray();
            context.Output.WriteLine(string.Create(c,
                $"  posteriors at temperature 1: {reachedOne} of {n}{(tempered.Length > 0 ? $" (NOT at the posterior: {tempered.Length} ended tempered, at {tempered.Min():G3} to {tempered.Max():G3})" : "")}; "
                + $"pooled effective sample size {result.DataSets.Min(d => d.EffectiveSampleSize):F0} to {result.DataSets.Max(d => d.EffectiveSampleSize):F0} (median {Median(result.DataSets.Select(d => d.EffectiveSampleSize)):F0}); "
                + $"generations {result.DataSets.Min(d => d.Generations)} to {result.DataSets.Max(d => d.Generations)}"));
            context.Output.WriteLine(string.Create(c,
                $"  extreme ranks (0 or {l}): {Enumerable.Range(0, prior.Dimension).Sum(result.ExtremeRanks)} of {n * prior.Dimension}, {result.ExpectedExtremeRanks * prior.Dimension:F0} expected; "
                + $"uniform at the Bonferroni level {0.05 / prior.Dimension:0.####} (5% over {prior.Dimension} coefficients) when p is above it"));
            int notUniform = 0;
            for (int k = 0; k < prior.Dimension; k++)
            {
                var (statistic, p) = result.Uniformity(k);
                var (_, ksP) = result.KolmogorovSmirnov(k);
                bool uniform = Math.Min(p, ksP) >= 0.05 / prior.Dimension;
                notUniform += uniform ? 0 : 1;
                context.Output.WriteLine(string.Create(c,
                    $"  {prior.Coefficients[k].Path,-40} bins {string.Join(" ", result.BinCounts(k).Select(x => x.ToString(c).PadLeft(3)))}   chi-square {statistic,6:F2}  p = {p:0.0000}  KS p = {ksP:0.0000}  "
                    + $"extreme {result.ExtremeRanks(k),3} ({result.ExpectedExtremeRanks:F0} expected){(uniform ? "" : "  NOT UNIFORM")}"));
            }

            context.Output.WriteLine(string.Create(c,
                $"{simulations:N0} simulations at scale {loaded.Settings.Scenario.Scale:R} on {threadCount} thread(s): {clock.Elapsed.TotalSeconds:F1} s wall; "
                + $"{Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s CPU"));
            context.Output.WriteLine($"written to {PathDisplay.Of(folder.FinalPath)} ({SbcFiles.RanksFile}, {SbcFiles.UniformityFile}, {SbcChart.FileName})");
            if (parseResult.GetValue(check) && (tempered.Length > 0 || notUniform > 0))
            {
                context.Error.WriteLine(string.Create(c, $"sbc --check failed: {tempered.Length} posterior(s) ended tempered, {notUniform} coefficient(s) not uniform"));
                return Task.FromResult(ExitCodes.NotCalibrated);
            }

            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }

    private static double Median(IEnumerable<double> values) => MathNet.Numerics.Statistics.Statistics.Median(values);
}
