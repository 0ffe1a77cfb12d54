namespace Mobility.Tests.IO;

using System.Reflection;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Model.Policies;

/// <summary>
/// Every lever describes all its settings (the validator and user interfaces read the same descriptors), every
/// number has finite bounds, and the validator holds scenarios to them, naming the path, the bound and the value.
/// </summary>
public sealed class LeverSettingsTests
{
    private const string Instance = "t";
    private const string Campus = "NEW-CAMPUS";

    [Fact]
    public void Every_lever_is_registered_once_and_every_setting_is_described()
    {
        var dictionaries = typeof(PolicySettings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => CamelCase(p.Name)).Order();
        Assert.Equal(dictionaries, PolicySettings.Levers.Select(l => l.Key).Order());

        foreach (var lever in PolicySettings.Levers)
        {
            var type = typeof(PolicySettings).GetProperty(lever.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!.PropertyType.GetGenericArguments()[1];
            AssertDescribesEveryProperty(type, lever.Settings, lever.Key);
            Assert.False(string.IsNullOrWhiteSpace(lever.Summary), $"{lever.Key} has no summary");
            foreach (var entries in lever.Settings.Where(d => d.Type == SettingType.Entries))
            {
                var entryType = type.GetProperty(entries.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!.PropertyType.GetGenericArguments()[1];
                AssertDescribesEveryProperty(entryType, entries.Entries, $"{lever.Key}:{entries.Key}");
            }
        }
    }

    [Fact]
    public void Every_number_has_finite_bounds_a_unit_unless_a_share_and_a_description()
    {
        foreach (var (path, d) in AllSettings())
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Description), $"{path} has no description");
            if (d.Type is SettingType.Number or SettingType.WholeNumber or SettingType.CountryPairs or SettingType.Year)
            {
                Assert.True(d.Minimum is double min && double.IsFinite(min) && d.Maximum is double max && double.IsFinite(max) && min < max, $"{path}: bounds {d.Minimum}..{d.Maximum}");
                Assert.True(d.Unit.Length > 0 || d.Type != SettingType.Number || (d.Minimum == 0 && d.Maximum == 1), $"{path}: a real number that is not a 0..1 share needs a unit");
                Assert.NotEqual("", d.Range);
            }

            if (d.Type is SettingType.Choice or SettingType.Choices)
            {
                Assert.NotEmpty(d.AllowedValues);
            }
        }
    }

    [Fact]
    public void Descriptors_state_the_defaults_and_ranges_a_user_interface_shows()
    {
        var grants = PolicySettings.Levers.Single(l => l.Key == "regionalMobilityGrants");
        Assert.Equal(["start", "end", "countries", "grantsPerYear", "amountUsd", "kind", "scholarShare"], grants.Settings.Select(d => d.Key));
        var kind = grants.Settings.Single(d => d.Key == "kind");
        Assert.Equal((SettingType.Choice, "both", "credit, degree or both"), (kind.Type, kind.Default, kind.Range));
        var amount = grants.Settings.Single(d => d.Key == "amountUsd");
        Assert.Equal((5000.0, "USD per grant", "0 to 1000000"), (amount.Default, amount.Unit, amount.Range));
        var growth = PolicySettings.Levers.Single(l => l.Key == "educationExport").Settings.Single(d => d.Key == "foreignSeatsGrowth");
        Assert.Equal("> -1 and <= 1", growth.Range);
    }

    // 1e308 once ran as a count of grants; NaN slipped through checks written as "value < 0". Every count, amount
    // and share is fed both, through --set as a user would, and each is refused with its path and its bounds.
    [Fact]
    public void Every_number_refuses_1e308_and_NaN_naming_the_path_and_the_bound()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);
        var numbers = AllSettings().Where(x => x.Descriptor.Type is SettingType.Number or SettingType.WholeNumber or SettingType.CountryPairs).ToList();
        Assert.True(numbers.Count >= 20, $"only {numbers.Count} numbers found");
        foreach (var (key, d) in numbers)
        {
            string at = d.Type == SettingType.CountryPairs ? $"{key}:KAZ-UZB" : key;
            foreach (string bad in new[] { "1e308", "NaN", "-Infinity" })
            {
                var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, Sets($"{at}={bad}")));
                string bounds = d.MinimumExclusive ? $"> {Format(d.Minimum)} and <= {Format(d.Maximum)}" : $"between {Format(d.Minimum)} and {Format(d.Maximum)}";
                string expected = d.Type == SettingType.Number ? $"{at} must be {bounds}" : $"{at} must be a whole number (was '{bad}'";
                Assert.True(ex.Problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"{at}={bad}: no problem says '{expected}':\n{string.Join("\n", ex.Problems)}");
            }

            if (d.Type != SettingType.Number)
            {
                var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, Sets($"{at}={int.MaxValue}")));
                string expected = $"{at} must be between {Format(d.Minimum)} and {Format(d.Maximum)}{(d.Unit.Length > 0 ? " " + d.Unit : "")} (was {int.MaxValue})";
                Assert.True(ex.Problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"{at}: no problem says '{expected}':\n{string.Join("\n", ex.Problems)}");
            }
        }
    }

    [Fact]
    public void Choices_accept_their_values_in_any_letter_case_and_refuse_numbers()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);

        var loaded = ScenarioLoader.Load(path, Sets(
            "policies:regionalMobilityGrants:g:kind=Credit",
            "policies:nationalScholarship:s:country=KAZ",
            "policies:nationalScholarship:s:levels:0=MASTER",
            "policies:nationalScholarship:s:levels:1=phd"));
        Assert.Equal("Credit", loaded.Settings.Policies.RegionalMobilityGrants["g"].Kind);
        Assert.Equal(GrantKind.Credit, SettingChoice.Parse<GrantKind>(loaded.Settings.Policies.RegionalMobilityGrants["g"].Kind));

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, Sets(
            "policies:regionalMobilityGrants:g:kind=1",
            "policies:nationalScholarship:s:country=KAZ",
            "policies:nationalScholarship:s:levels:0=2")));
        Assert.Contains(ex.Problems, p => p.StartsWith("policies:regionalMobilityGrants:g:kind must be credit, degree or both (was '1'), set in --set", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("policies:nationalScholarship:s:levels:0 must be Bachelor, Master or Phd (was '2'), set in --set", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_levels_of_post_study_work_rights_for_one_country_in_the_same_year_are_refused()
    {
        using var temp = new TempFolder();
        string path = TestFiles.WriteBaseScenario(temp);
        string[] open = ["policies:postStudyWorkRights:a:country=KAZ", "policies:postStudyWorkRights:a:start=2026", "policies:postStudyWorkRights:a:level=0.8"];

        var ex = Assert.Throws<InputException>(() => ScenarioLoader.Load(path, Sets([.. open,
            "policies:postStudyWorkRights:b:country=kaz", "policies:postStudyWorkRights:b:start=2029", "policies:postStudyWorkRights:b:level=0.2"])));
        Assert.Contains(ex.Problems, p => p.StartsWith("policies:postStudyWorkRights:a and policies:postStudyWorkRights:b contradict each other in 2029", StringComparison.Ordinal));

        var loaded = ScenarioLoader.Load(path, Sets([.. open, "policies:postStudyWorkRights:a:end=2028",
            "policies:postStudyWorkRights:b:country=KAZ", "policies:postStudyWorkRights:b:start=2029", "policies:postStudyWorkRights:b:level=0.2",
            "policies:postStudyWorkRights:c:country=UZB", "policies:postStudyWorkRights:c:start=2026"]));
        Assert.Equal(3, loaded.Settings.Policies.PostStudyWorkRights.Count);
    }

    /// <summary>Every setting of every lever as (its --set key on an instance "t", its descriptor), entries of a campus "NEW-CAMPUS" included.</summary>
    private static IEnumerable<(string Key, SettingDescriptor Descriptor)> AllSettings()
    {
        foreach (var lever in PolicySettings.Levers)
        {
            foreach (var d in lever.Settings)
            {
                string key = $"policies:{lever.Key}:{Instance}:{d.Key}";
                yield return (key, d);
                foreach (var entry in d.Entries)
                {
                    yield return ($"{key}:{Campus}:{entry.Key}", entry);
                }
            }
        }
    }

    private static void AssertDescribesEveryProperty(Type type, IReadOnlyList<SettingDescriptor> settings, string where)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => CamelCase(p.Name)).Order();
        Assert.Equal(properties, settings.Select(d => d.Key).Order());
        Assert.True(settings.Select(d => d.Key).Distinct().Count() == settings.Count, $"{where}: a setting is described twice");
    }

    private static ScenarioLoadOptions Sets(params string[] sets) => new() { Sets = sets, Environment = new Dictionary<string, string>() };

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Format(double? value) => value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
