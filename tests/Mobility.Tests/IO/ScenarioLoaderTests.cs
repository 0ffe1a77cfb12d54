namespace Mobility.Tests.IO;

using Mobility.Input;
using Mobility.Input.Configuration;

public class ScenarioLoaderTests
{
    private static readonly ScenarioLoadOptions NoEnvironment = new() { Environment = new Dictionary<string, string>() };

    private static ScenarioLoadOptions With(string[]? sets = null, Dictionary<string, string>? environment = null)
        => new() { Sets = sets ?? [], Environment = environment ?? [] };

    [Fact]
    public void Loads_a_single_file_and_resolves_the_world_beside_it()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);

        LoadedScenario loaded = ScenarioLoader.Load(path, NoEnvironment);

        Assert.Equal("t", loaded.Name);
        Assert.Equal([Path.GetFullPath(path)], loaded.Files);
        Assert.Equal(Path.GetFullPath(temp.File("world")), loaded.WorldFolder);
        Assert.Equal(7, loaded.World.Countries.Count);
        Assert.Equal(-3.5, loaded.Settings.DegreeMobility.A0);
        Assert.Equal(2.0, loaded.Settings.DegreeMobility.AResources); // default kept
        Assert.Equal(7UL, loaded.Settings.Scenario.Seed);
        var quota = loaded.Settings.Policies.HostQuota["ru-tj"];
        Assert.Equal(("RUS", "TJK", 1000.0, 2025), (quota.Host, quota.Origin, quota.SeatsPerYear, quota.Start));
        Assert.Equal(["KAZ", "KGZ", "UZB"], loaded.Settings.Policies.VisaFacilitation["ca"].Countries);
    }

    [Fact]
    public void Layers_base_overlay_environment_and_sets_in_that_order()
    {
        using var temp = new TempFolder();
        TestFiles.WriteBaseScenario(temp);
        string overlay = temp.Write("overlays/more.json", """
            {
              "base": "../base.json",
              "scenario": { "name": "more", "endYear": 2035 },
              "degreeMobility": { "a0": -3.0, "originShift": { "KAZ": 0.5 } },
              "policies": {
                "hostQuota": { "ru-tj": { "seatsPerYear": 1500 }, "ru-kg": { "host": "RUS", "origin": "KGZ", "seatsPerYear": 700, "start": 2027, "end": 2030 } }
              }
            }
            """);
        var environment = new Dictionary<string, string>
        {
            ["MOBILITY_SCENARIO__SEED"] = "5",
            ["MOBILITY_DEGREEMOBILITY__AABILITY"] = "2",
            ["MOBILITY_CHOICE__BQUALITY"] = "4",
            ["OTHER_VARIABLE"] = "ignored",
        };

        LoadedScenario loaded = ScenarioLoader.Load(overlay, With(["choice:bQuality=5", "policies:nationalScholarship:bolashak:country=KAZ", "policies:nationalScholarship:bolashak:awardsPerYear=3000"], environment));

        Assert.Equal([Path.GetFullPath(temp.File("base.json")), Path.GetFullPath(overlay)], loaded.Files);
        Assert.Equal("more", loaded.Name);
        Assert.Equal(2025, loaded.Settings.Scenario.StartYear); // from the base
        Assert.Equal(2035, loaded.Settings.Scenario.EndYear); // from the overlay
        Assert.Equal(-3.0, loaded.Settings.DegreeMobility.A0);
        Assert.Equal(0.5, loaded.Settings.DegreeMobility.OriginShift["KAZ"]);
        Assert.Equal(5UL, loaded.Settings.Scenario.Seed); // environment over files
        Assert.Equal(2.0, loaded.Settings.DegreeMobility.AAbility);
        Assert.Equal(5.0, loaded.Settings.Choice.BQuality); // --set over environment
        Assert.Equal(3000, loaded.Settings.Policies.NationalScholarship["bolashak"].AwardsPerYear);

        var quotas = loaded.Settings.Policies.HostQuota;
        Assert.Equal(1500, quotas["ru-tj"].SeatsPerYear); // one setting of a named instance changed
        Assert.Equal("TJK", quotas["ru-tj"].Origin); // the rest kept from the base
        Assert.Equal(2030, quotas["ru-kg"].End);

        // World: only the base sets scenario:world, so it resolves against the base's folder.
        Assert.Equal(Path.GetFullPath(temp.File("world")), loaded.WorldFolder);

        // The resolved configuration: sorted leaves, without the "base" key.
        Assert.DoesNotContain(loaded.Configuration.Keys, k => k.Equals("base", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(loaded.Configuration.Keys.Order(StringComparer.Ordinal), loaded.Configuration.Keys);
        Assert.Equal("5", loaded.Configuration.First(kv => kv.Key.Equals("scenario:seed", StringComparison.OrdinalIgnoreCase)).Value);
        Assert.Equal("1500", loaded.Configuration.First(kv => kv.Key.Equals("policies:hostQuota:ru-tj:seatsPerYear", StringComparison.OrdinalIgnoreCase)).Value);
    }

    [Fact]
    public void World_set_in_an_overlay_resolves_against_the_overlay_folder()
    {
        using var temp = new TempFolder();
        TestFiles.WriteBaseScenario(temp);
        TestFiles.CopyWorld(temp.File("overlays/other-world"));
        string overlay = temp.Write("overlays/o.json", """{ "base": "../base.json", "scenario": { "world": "other-world" } }""");

        LoadedScenario loaded = ScenarioLoader.Load(overlay, NoEnvironment);

        Assert.Equal(Path.GetFullPath(temp.File("overlays/other-world")), loaded.WorldFolder);
    }

    [Fact]
    public void Detects_cycles_in_the_base_chain()
    {
        using var temp = new TempFolder();
        temp.Write("a.json", """{ "base": "b.json" }""");
        temp.Write("b.json", """{ "base": "a.json" }""");

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(temp.File("a.json"), NoEnvironment));
        Assert.Contains("cycle", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a.json -> ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("b.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_files_are_named()
    {
        using var temp = new TempFolder();
        var missing = Assert.Throws<InputException>(() => ScenarioLoader.Load(temp.File("none.json"), NoEnvironment));
        Assert.Contains("none.json' not found", missing.Message, StringComparison.Ordinal);

        temp.Write("o.json", """{ "base": "gone.json" }""");
        var missingBase = Assert.Throws<InputException>(() => ScenarioLoader.Load(temp.File("o.json"), NoEnvironment));
        Assert.Contains("gone.json' not found", missingBase.Message, StringComparison.Ordinal);
        Assert.Contains("o.json", missingBase.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_reported_with_file_and_line()
    {
        using var temp = new TempFolder();
        string path = temp.Write("bad.json", "{\n  \"scenario\": {\n    \"name\": \"x\"\n    \"seed\": 3\n  }\n}\n");

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, NoEnvironment));
        string problem = Assert.Single(ex.Problems);
        Assert.StartsWith(PathDisplay.Of(path) + ":4:", problem, StringComparison.Ordinal);
        Assert.Contains("malformed JSON at line 4", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_reported_with_the_file()
    {
        using var temp = new TempFolder();
        string path = temp.Write("dup.json", """{ "choice": { "bCost": 1, "BCOST": 2 } }""");

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, NoEnvironment));
        Assert.Contains(ex.Problems, p => p.Contains("dup.json", StringComparison.Ordinal) && p.Contains("duplicate", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Unknown_keys_and_bad_values_are_all_reported_with_their_path_and_source()
    {
        using var temp = new TempFolder();
        TestFiles.WriteBaseScenario(temp);
        string overlay = temp.Write("o.json", """
            { "base": "base.json",
              "degreeMobility": { "a00": 1 },
              "choice": { "maxChoices": "three" },
              "policies": { "hostQuota": { "x": { "hots": "RUS" } } },
              "unknownSection": { "k": 1 } }
            """);

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(overlay, With(["entry:rate=abc", "scenario:sed=4"])));

        AssertHas(ex, "unknown key 'degreeMobility:a00'", "did you mean 'a0'", "o.json");
        AssertHas(ex, "choice:maxChoices must be a whole number (was 'three'", "o.json");
        AssertHas(ex, "unknown key 'policies:hostQuota:x:hots'", "did you mean 'host'");
        AssertHas(ex, "unknown key 'unknownSection'", "o.json");
        AssertHas(ex, "entry:rate must be a number (was 'abc'", "--set entry:rate");
        AssertHas(ex, "unknown key 'scenario:sed'", "--set scenario:sed");
    }

    [Fact]
    public void Unknown_environment_variables_are_named()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, With(environment: new() { ["MOBILITY_CHOICE__BQUALTY"] = "1" })));
        AssertHas(ex, "unknown key 'CHOICE:BQUALTY'", "environment variable MOBILITY_CHOICE__BQUALTY");
    }

    [Fact]
    public void Malformed_set_options_are_reported()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, With(["degreeMobility:a0"])));
        AssertHas(ex, "--set 'degreeMobility:a0' must have the form key=value");
    }

    [Fact]
    public void Validation_problems_name_their_configuration_path()
    {
        using var temp = new TempFolder();
        TestFiles.WriteBaseScenario(temp);
        string overlay = temp.Write("o.json", """
            { "base": "base.json",
              "scenario": { "startYear": 2025, "endYear": 2020, "scale": 0, "spinUpYears": -1 },
              "choice": { "maxChoices": 0, "resourceBands": 0, "destinationShift": { "ZZZ": 1 }, "scholarshipPairShift": { "KAZ": { "YYY": 1 } } },
              "creditMobility": { "pairShift": { "WWW": { "KAZ": 1 } } },
              "entry": { "rate": 1.5, "rateByCountry": { "QQQ": 0.2 } },
              "policies": {
                "hostQuota": { "ru-tj": { "origin": "XXX" } },
                "nationalScholarship": { "bolashak": { "country": "KAZ", "awardsPerYear": -5, "start": 2026, "end": 2024, "levels": ["Master", "Postdoc"] } },
                "regionalMobilityGrants": { "g": { "countries": ["KAZ", "RUS"], "kind": "travel", "start": 2026 } },
                "jointDegrees": { "j": { "programmes": { "KAZ-UZB": 3, "KAZUZB": 1, "KAZ-ABC": 2 }, "start": 2026 } },
                "educationExport": { "e": { "country": "KAZ", "start": 2026, "branchCampuses": { "KAZ-NEW": { "parent": "NOPE-U" } } } },
                "qualityInvestment": { "q": { "universities": ["KAZ-NU", "KAZ-XYZ"], "start": 2026 } }
              } }
            """);

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(overlay, NoEnvironment));

        AssertHas(ex, "scenario:endYear (2020) must not be before scenario:startYear (2025)");
        AssertHas(ex, "scenario:scale must be > 0 (was 0)");
        AssertHas(ex, "scenario:spinUpYears must be >= 0 (was -1)");
        AssertHas(ex, "choice:maxChoices must be >= 1 (was 0)");
        AssertHas(ex, "choice:resourceBands must be >= 1 (was 0)");
        AssertHas(ex, "choice:destinationShift:ZZZ", "not a country in the world data");
        AssertHas(ex, "choice:scholarshipPairShift:KAZ:YYY", "not a country in the world data");
        AssertHas(ex, "creditMobility:pairShift:WWW", "not a country in the world data");
        AssertHas(ex, "entry:rate must be between 0 and 1 (was 1.5)");
        AssertHas(ex, "entry:rateByCountry:QQQ", "not a country");
        AssertHas(ex, "policies:hostQuota:ru-tj:origin 'XXX' is not a country in the world data");
        AssertHas(ex, "policies:nationalScholarship:bolashak:awardsPerYear must be between 0 and 1000000 persons per year (was -5)");
        AssertHas(ex, "policies:nationalScholarship:bolashak:end (2024) must not be before policies:nationalScholarship:bolashak:start (2026)");
        AssertHas(ex, "policies:nationalScholarship:bolashak:levels:1 must be Bachelor, Master or Phd (was 'Postdoc')");
        AssertHas(ex, "policies:regionalMobilityGrants:g:countries:1 'RUS' is not a member of the region");
        AssertHas(ex, "policies:regionalMobilityGrants:g:kind must be credit, degree or both (was 'travel')");
        AssertHas(ex, "policies:jointDegrees:j:programmes:KAZUZB: key must be two country codes");
        AssertHas(ex, "policies:jointDegrees:j:programmes:KAZ-ABC: 'ABC' is not a country");
        AssertHas(ex, "policies:educationExport:e:branchCampuses:KAZ-NEW:parent 'NOPE-U' is not a university id");
        AssertHas(ex, "policies:qualityInvestment:q:universities:1 'KAZ-XYZ' is not a university id");
        Assert.DoesNotContain(ex.Problems, p => p.Contains("KAZ-UZB", StringComparison.Ordinal) && !p.Contains("KAZUZB", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_keys_do_not_hide_validation_problems()
    {
        using var temp = new TempFolder();
        TestFiles.WriteBaseScenario(temp);
        string overlay = temp.Write("o.json", """{ "base": "base.json", "degreeMobility": { "a00": 1 }, "scenario": { "endYear": 2000 } }""");

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(overlay, NoEnvironment));
        AssertHas(ex, "unknown key 'degreeMobility:a00'");
        AssertHas(ex, "scenario:endYear (2000) must not be before scenario:startYear (2025)");
    }

    [Fact]
    public void An_overlay_array_shorter_than_the_base_array_is_an_error()
    {
        using var temp = new TempFolder();
        TestFiles.WriteBaseScenario(temp);
        string overlay = temp.Write("o.json", """{ "base": "base.json", "policies": { "visaFacilitation": { "ca": { "countries": ["TJK"] } } } }""");

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(overlay, NoEnvironment));
        AssertHas(ex, "policies:visaFacilitation:ca:countries", "lists 1 item(s)", "base.json lists 3", "merges arrays by index");
    }

    [Fact]
    public void World_problems_are_reported_through_the_scenario()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);
        TestFiles.SetCell(temp.File("world/universities.csv"), "KAZ-NU", "capacity", "-5");

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, NoEnvironment));
        AssertHas(ex, "universities.csv:", "column 'capacity' must be a number >= 0 (was '-5')");

        var missing = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, With(["scenario:world=/nonexistent/world"])));
        AssertHas(missing, "world folder", "does not exist", "--set scenario:world");
    }

    private static void AssertHas(InputException ex, params string[] parts)
        => Assert.True(
            ex.Problems.Any(p => parts.All(part => p.Contains(part, StringComparison.Ordinal))),
            $"no problem contains all of [{string.Join(" | ", parts)}]; problems:\n{string.Join("\n", ex.Problems)}");

    [Fact]
    public void Typed_options_lie_between_the_environment_and_the_sets()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);
        var environment = new Dictionary<string, string> { ["MOBILITY_SCENARIO__SEED"] = "9", ["MOBILITY_SCENARIO__SCALE"] = "30" };

        Assert.Equal(9UL, ScenarioLoader.Load(path, With(environment: environment)).Settings.Scenario.Seed);
        var typed = ScenarioLoader.Load(path, new ScenarioLoadOptions { Seed = 4, Scale = 50, Environment = environment });
        Assert.Equal((4UL, 50.0), (typed.Settings.Scenario.Seed, typed.Settings.Scenario.Scale));
        Assert.Equal(4, ScenarioOverlay.Value(typed.Configuration, "scenario:seed"));
        var set = ScenarioLoader.Load(path, new ScenarioLoadOptions { Seed = 4, Sets = ["scenario:seed=3", "SCENARIO:SEED=2"], Environment = environment });
        Assert.Equal(2UL, set.Settings.Scenario.Seed);
    }

    [Fact]
    public void An_environment_variable_is_named_as_written_and_its_key_by_its_documented_path()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, With(environment: new() { ["MOBILITY_SCENARIO__SEED"] = "abc" })));
        AssertHas(ex, "scenario:seed must be a whole number >= 0 (was 'abc'; set in environment variable MOBILITY_SCENARIO__SEED)");
        Assert.DoesNotContain("scenario:SEED", ex.Message, StringComparison.Ordinal);

        var scale = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, With(environment: new() { ["MOBILITY_SCENARIO__SCALE"] = "0" })));
        AssertHas(scale, "scenario:scale must be > 0 (was 0), set in environment variable MOBILITY_SCENARIO__SCALE");
    }

    [Fact]
    public void A_variant_lays_typed_options_over_the_loaded_scenario_without_reading_files_again()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);
        LoadedScenario loaded = ScenarioLoader.Load(path, With(["degreeMobility:a0=-3"]));
        File.Delete(path);

        LoadedScenario windowed = new ScenarioVariants(loaded).With(new ScenarioLoadOptions { SpinUpYears = 12, EndYear = 2026 });

        Assert.Equal((12, 2026, -3.0), (windowed.Settings.Scenario.SpinUpYears, windowed.Settings.Scenario.EndYear, windowed.Settings.DegreeMobility.A0));
        Assert.Equal(2026, ScenarioOverlay.Value(windowed.Configuration, "scenario:endYear"));
        Assert.Same(loaded.World, windowed.World);
        Assert.Equal(2030, loaded.Settings.Scenario.EndYear);
        var ex = Assert.Throws<InputException>(() => new ScenarioVariants(loaded).With(new ScenarioLoadOptions { EndYear = 2020 }));
        AssertHas(ex, "scenario:endYear (2020) must not be before scenario:startYear (2025)", "scenario:endYear");
    }
}
