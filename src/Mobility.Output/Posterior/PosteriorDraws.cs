namespace Mobility.Output.Posterior;

using System.Globalization;
using Mobility.Experiments.Comparison;
using Mobility.Experiments.Posterior;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Model.Parameters;
using Mobility.Model.Uncertainty;

/// <summary>
/// Sets up a comparison over a posterior (<c>compare --posterior FILE --draws D</c>): reads the posterior, resamples
/// D equally weighted draws from its weighted particles (<see cref="PosteriorResampling"/>, from the comparison's
/// base seed), and resolves every scenario's settings under each draw (the scenario with the draw's coefficients as
/// overrides, checked as <c>--set</c> is). A coefficient that a compared scenario sets differently from the
/// reference is refused: the draw would overwrite the policy. With <c>perDraw</c> (the pair constants re-derived
/// for each draw, <c>compare --posterior</c>'s default when the reference has pair constants), every scenario of a
/// draw also gets the overrides it returns for the draw's coefficients, computed once per particle on the reference;
/// a scenario that sets one of those overridden keys differently from the reference is refused alike.
/// </summary>
public static class PosteriorDraws
{
    /// <summary>The draws and the scenarios with their settings per draw.</summary>
    public sealed record Prepared(ComparisonDraws Draws, IReadOnlyList<ComparisonScenario> Scenarios);

    public static async Task<Prepared> PrepareAsync(
        string posteriorFile, int draws, int replicationsPerDraw, ulong seed, IReadOnlyList<LoadedScenario> scenarios,
        PerDrawOverrides? perDraw = null, CancellationToken cancellationToken = default)
    {
        PosteriorSample sample = await PosteriorSampleReader.ReadAsync(posteriorFile, cancellationToken).ConfigureAwait(false);
        return Prepare(sample, draws, replicationsPerDraw, seed, scenarios, perDraw);
    }

    /// <summary>Overrides that depend on a draw (e.g. the pair constants re-derived for its coefficients): the keys they may set, and the function of the draw's <c>--set</c> pairs.</summary>
    /// <param name="Threads">Draws whose overrides are computed side by side (each is a function of its draw alone, so the result does not depend on it).</param>
    public sealed record PerDrawOverrides(IReadOnlyList<string> Keys, int Threads, Func<IReadOnlyList<string>, IReadOnlyList<string>> For);

    public static Prepared Prepare(
        PosteriorSample sample, int draws, int replicationsPerDraw, ulong seed, IReadOnlyList<LoadedScenario> scenarios, PerDrawOverrides? perDraw = null)
    {
        string display = PathDisplay.Of(sample.Source);
        var problems = new List<string>();
        if (replicationsPerDraw < 2)
        {
            problems.Add($"--replications must be >= 2 per posterior draw, to measure the simulation noise within a draw (was {replicationsPerDraw})");
        }

        LoadedScenario reference = scenarios[0];
        foreach (LoadedScenario scenario in scenarios.Skip(1))
        {
            foreach (string path in sample.Paths.Concat(perDraw?.Keys ?? []))
            {
                string? mine = Value(scenario, path), theirs = Value(reference, path);
                if (mine != theirs)
                {
                    problems.Add($"{display}: coefficient {path} is set to {mine ?? "(not set)"} by {scenario.Name} and to {theirs ?? "(not set)"} by {reference.Name}; "
                        + "a posterior draw would overwrite the difference: compare without --posterior, or with a posterior that leaves it out");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        int[] particles = PosteriorResampling.Systematic(sample.Weights, draws, seed);
        // Each particle's coefficients are checked on the reference first (naming the file and particle), so a bad
        // posterior is refused before any per-draw work.
        var referenceVariants = new ScenarioVariants(reference);
        foreach (int particle in particles.Distinct())
        {
            Resolve(referenceVariants, reference.Name, particle, sample.Sets(particle), display);
        }

        var drawSets = new System.Collections.Concurrent.ConcurrentDictionary<int, string[]>();
        try
        {
            Parallel.ForEach(particles.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, perDraw?.Threads ?? 1) }, particle =>
            {
                string[] sets = sample.Sets(particle);
                drawSets[particle] = perDraw is null ? sets : [.. sets, .. perDraw.For(sets)];
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        var result = new List<ComparisonScenario>();
        foreach (LoadedScenario scenario in scenarios)
        {
            var variants = new ScenarioVariants(scenario);
            var byParticle = new Dictionary<int, ScenarioSettings>();
            var settings = new ScenarioSettings[particles.Length];
            for (int d = 0; d < particles.Length; d++)
            {
                if (!byParticle.TryGetValue(particles[d], out ScenarioSettings? resolved))
                {
                    resolved = Resolve(variants, scenario.Name, particles[d], drawSets[particles[d]], display);
                    byParticle[particles[d]] = resolved;
                }

                settings[d] = resolved;
            }

            result.Add(new ComparisonScenario(scenario.Name, scenario.World, scenario.Settings) { DrawSettings = settings });
        }

        var comparisonDraws = new ComparisonDraws(sample.Source, sample.Paths, particles, particles.Select(p => sample.Thetas[p]).ToArray(), replicationsPerDraw);
        return new Prepared(comparisonDraws, result);
    }

    /// <summary>A scenario's settings under a particle's overrides; a rejection names the posterior file, the particle and the scenario.</summary>
    private static ScenarioSettings Resolve(ScenarioVariants variants, string scenario, int particle, IReadOnlyList<string> sets, string display)
    {
        try
        {
            return variants.Settings(sets);
        }
        catch (InputException ex)
        {
            throw new InputException(ex.Problems.Select(p => $"{display}, particle {particle.ToString(CultureInfo.InvariantCulture)} under {scenario}: {p}"));
        }
    }

    private static string? Value(LoadedScenario scenario, string path)
        => scenario.Configuration.FirstOrDefault(kv => string.Equals(kv.Key, path, StringComparison.OrdinalIgnoreCase)).Value;
}
