namespace Mobility.Explorer.Candidates;

using System.Text.Json.Nodes;
using Mobility.Model.Policies;
using Mobility.Model.World;

/// <summary>
/// What the page needs to draw a control for every setting of every lever: the lever descriptors of
/// src/Mobility.Model/Policies (type, unit, range, allowed values, default, description), the countries and the
/// universities of the world. The ranges are the validator's: the page checks them as the user types, the server
/// checks everything again with the validator.
/// </summary>
public static class LeverCatalogue
{
    public static JsonObject Of(WorldData world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var levers = new JsonArray();
        foreach (var kind in PolicySettings.Levers)
        {
            levers.Add(new JsonObject
            {
                ["key"] = kind.Key,
                ["summary"] = kind.Summary,
                ["settings"] = Settings(kind.Settings),
            });
        }

        var countries = new JsonArray();
        foreach (var c in world.Countries)
        {
            countries.Add(new JsonObject { ["code"] = c.Code, ["name"] = c.Name, ["member"] = c.IsMember });
        }

        var universities = new JsonArray();
        foreach (var u in world.Universities.Where(u => !u.IsAggregate))
        {
            universities.Add(new JsonObject { ["id"] = u.Id, ["name"] = u.Name, ["country"] = world.Countries[u.Country].Code });
        }

        return new JsonObject { ["levers"] = levers, ["countries"] = countries, ["universities"] = universities };
    }

    private static JsonArray Settings(IReadOnlyList<SettingDescriptor> settings)
    {
        var list = new JsonArray();
        foreach (var s in settings)
        {
            var item = new JsonObject
            {
                ["key"] = s.Key,
                ["type"] = s.Type.ToString(),
                ["unit"] = s.Unit,
                ["min"] = s.Minimum,
                ["max"] = s.Maximum,
                ["minExclusive"] = s.MinimumExclusive,
                ["range"] = s.Range,
                ["optional"] = s.Optional,
                ["description"] = s.Description,
                ["default"] = Value(s.Default),
            };
            if (s.AllowedValues.Count > 0)
            {
                item["allowed"] = new JsonArray(s.AllowedValues.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            }

            if (s.Entries.Count > 0)
            {
                item["entries"] = Settings(s.Entries);
            }

            list.Add(item);
        }

        return list;
    }

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        double d => double.IsFinite(d) ? JsonValue.Create(d) : null,
        int i => JsonValue.Create(i),
        bool b => JsonValue.Create(b),
        string s => JsonValue.Create(s),
        string[] a => new JsonArray(a.Select(x => (JsonNode)JsonValue.Create(x)).ToArray()),
        _ => null,
    };
}
