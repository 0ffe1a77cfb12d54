namespace Mobility.Tests.Posterior;

using System.Globalization;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Model.Uncertainty;
using Mobility.Output.Posterior;
using Mobility.Tests.Engine;

/// <summary>
/// Per-draw overrides of a comparison over a posterior (the pair constants re-derived for each draw's coefficients):
/// computed once per particle, applied to every scenario of the draw alike, and refused when a policy scenario sets
/// one of their keys differently from the reference.
/// </summary>
public sealed class PosteriorDrawsTests
{
    private const string Key = "choice:pairShift:UZB:KAZ";

    private static readonly PosteriorSample Sample = new("test.parquet", ["choice:bDistance"], [[0.3], [0.6], [1.2]], [0.2, 0.5, 0.3]);

    private static LoadedScenario Load(params string[] sets)
        => ScenarioLoader.Load(EngineTestKit.ScenarioPath("baseline"), new ScenarioLoadOptions { Sets = sets, Environment = new Dictionary<string, string>() });

    [Fact]
    public void Each_particles_overrides_are_computed_once_and_given_to_every_scenario_of_its_draws()
    {
        int calls = 0;
        var perDraw = new PosteriorDraws.PerDrawOverrides([Key], 2, sets =>
        {
            Interlocked.Increment(ref calls);
            double bDistance = double.Parse(sets.Single(s => s.StartsWith("choice:bDistance=", StringComparison.Ordinal)).Split('=')[1], CultureInfo.InvariantCulture);
            return [FormattableString.Invariant($"{Key}={10 * bDistance}")];
        });

        PosteriorDraws.Prepared prepared = PosteriorDraws.Prepare(Sample, 6, 2, 7, [Load(), Load()], perDraw);

        Assert.Equal(prepared.Draws.Particles.Distinct().Count(), calls);
        foreach (var scenario in prepared.Scenarios)
        {
            for (int d = 0; d < 6; d++)
            {
                var settings = scenario.DrawSettings![d];
                double theta = Sample.Thetas[prepared.Draws.Particles[d]][0];
                Assert.Equal(theta, settings.Choice.BDistance);
                Assert.Equal(10 * theta, settings.Choice.PairShift["UZB"]["KAZ"], 12);
            }
        }
    }

    [Fact]
    public void A_policy_setting_an_overridden_key_differently_from_the_reference_is_refused()
    {
        var perDraw = new PosteriorDraws.PerDrawOverrides([Key], 1, _ => [$"{Key}=0"]);

        var ex = Assert.Throws<InputException>(() => PosteriorDraws.Prepare(Sample, 4, 2, 7, [Load(), Load($"{Key}=3.5")], perDraw));

        Assert.Contains(ex.Problems, p => p.Contains(Key, StringComparison.OrdinalIgnoreCase) && p.Contains("would overwrite", StringComparison.Ordinal));
    }
}
