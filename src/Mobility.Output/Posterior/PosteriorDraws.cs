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
/// reference is refused: the draw would overwrite the policy.
/// </summary>
public static class PosteriorDraws
{
    /// <summary>The draws and the scenarios with their settings per draw.</summary>
    public sealed record Prepared(ComparisonDraws Draws, IReadOnlyList<ComparisonScenario> Scenarios);

    public static async Task<Prepared> PrepareAsync(
        string posteriorFile, int draws, int replicationsPerDraw, ulong seed, IReadOnlyList<LoadedScenario> scenarios, CancellationToken cancellationToken = default)
    {
        PosteriorSample sample = await PosteriorSampleReader.ReadAsync(posteriorFile, cancellationToken).ConfigureAwait(false);
        return Prepare(sample, draws, replicationsPerDraw, seed, scenarios);
    }

    public static Prepared Prepare(PosteriorSample sample, int draws, int replicationsPerDraw, ulong seed, IReadOnlyList<LoadedScenario> scenarios)
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
            foreach (string path in sample.Paths)
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
                    try
                    {
                        resolved = variants.Settings(sample.Sets(particles[d]));
                    }
                    catch (InputException ex)
                    {
                        throw new InputException(ex.Problems.Select(p => $"{display}, particle {particles[d].ToString(CultureInfo.InvariantCulture)} under {scenario.Name}: {p}"));
                    }

                    byParticle[particles[d]] = resolved;
                }

                settings[d] = resolved;
            }

            result.Add(new ComparisonScenario(scenario.Name, scenario.World, scenario.Settings) { DrawSettings = settings });
        }

        var comparisonDraws = new ComparisonDraws(sample.Source, sample.Paths, particles, particles.Select(p => sample.Thetas[p]).ToArray(), replicationsPerDraw);
        return new Prepared(comparisonDraws, result);
    }

    private static string? Value(LoadedScenario scenario, string path)
        => scenario.Configuration.FirstOrDefault(kv => string.Equals(kv.Key, path, StringComparison.OrdinalIgnoreCase)).Value;
}
