namespace Mobility.Tests.Engine;

using Mobility.Input.World;
using Mobility.Model.Parameters;
using Mobility.Model.Policies;
using Mobility.Model.World;
using Mobility.Tests.IO;

/// <summary>
/// A lever resolved on its own, outside a run: the policy state starts from the world's values each year, the lever
/// moves it only in the years it is in force, and the list of levers is resolved in the order docs/ODD.md states.
/// </summary>
public sealed class LeverResolutionTests
{
    private static readonly Lazy<WorldData> World = new(() => WorldCsvLoader.Load(TestFiles.FixtureWorld));

    [Fact]
    public void Post_study_work_rights_replace_the_worlds_level_only_while_in_force()
    {
        var world = World.Value;
        int kaz = world.CountryIndex("KAZ");
        var settings = new ScenarioSettings();
        settings.Policies.PostStudyWorkRights["open"] = new PostStudyWorkRights { Country = "kaz", Level = 0.9, Start = 2027, End = 2030 };
        var state = new PolicyState(world.Countries.Count);

        for (int year = 2025; year <= 2032; year++)
        {
            Resolve(world, settings, state, year);
            double expected = year is >= 2027 and <= 2030 ? 0.9 : world.Countries[kaz].PostStudyWork;
            Assert.Equal(expected, state.PostStudyWork[kaz]);
            Assert.All(Enumerable.Range(0, world.Countries.Count).Where(c => c != kaz), c => Assert.Equal(world.Countries[c].PostStudyWork, state.PostStudyWork[c]));
        }
    }

    // Recognition raises recognition to its level (a maximum), joint degrees add their gain (a sum): recognition
    // first, so a pair with both ends at min(1, level + gain), not at max(level, base + gain).
    [Fact]
    public void Joint_degrees_add_their_recognition_on_top_of_regional_recognition()
    {
        var world = World.Value;
        var settings = new ScenarioSettings();
        settings.Policies.RegionalCreditRecognition["r"] = new RegionalCreditRecognition { Countries = ["KAZ", "UZB"], Level = 0.5 };
        settings.Policies.JointDegrees["j"] = new JointDegrees { Programmes = new() { ["KAZ-UZB"] = 20 }, FullEffectProgrammes = 20, RecognitionGain = 0.3 };
        var state = new PolicyState(world.Countries.Count);

        Resolve(world, settings, state, 2030);

        Assert.Equal(0.8, state.Recognition[world.CountryIndex("KAZ"), world.CountryIndex("UZB")], 12);
    }

    // The order is stated once in code (PolicySettings.Levers) and explained in docs/ODD.md 7.1: the two must agree.
    [Fact]
    public void Docs_list_the_levers_in_the_order_they_are_resolved()
    {
        string odd = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "docs", "ODD.md"));
        int from = odd.IndexOf("### 7.1 ", StringComparison.Ordinal);
        string section = odd[from..odd.IndexOf("### 7.2 ", from, StringComparison.Ordinal)];
        var documented = System.Text.RegularExpressions.Regex.Matches(section, @"^\d+\. \*\*(\w+)\*\*", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value);

        Assert.Equal(PolicySettings.Levers.Select(l => char.ToUpperInvariant(l.Key[0]) + l.Key[1..]), documented);
    }

    private static void Resolve(WorldData world, ScenarioSettings settings, PolicyState state, int year)
    {
        state.Reset(world, year, settings.CreditMobility.BaseRecognition, _ => 1000);
        var policyYear = new FixedYear(world, settings, state, year);
        foreach (var lever in PolicySettings.Levers)
        {
            lever.Apply(settings.Policies, policyYear);
        }

        state.Finish();
    }

    /// <summary>A year outside a run, for levers that draw no random numbers and touch no university.</summary>
    private sealed class FixedYear(WorldData world, ScenarioSettings settings, PolicyState state, int year) : PolicyYear(world, settings, state)
    {
        public override int Year => year;

        public override bool IsReported => true;

        public override int UniversityCount => World.Universities.Count;

        public override int RoundToAgents(double persons, string owner, int index) => throw new NotSupportedException("no random streams outside a run");

        public override double StaffPersons(int country) => throw new NotSupportedException();

        public override int UniversityIndex(string id) => World.UniversityIndex(id);

        public override int UniversityCountry(int university) => World.Universities[university].Country;

        public override bool IsAggregate(int university) => World.Universities[university].IsAggregate;

        public override void Invest(int university, double reputationPoints, double citationsPoints) => throw new NotSupportedException();
    }
}
