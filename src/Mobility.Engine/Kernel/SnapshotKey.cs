namespace Mobility.Engine.Kernel;

using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mobility.Engine.Phases;
using Mobility.Model.Parameters;
using Mobility.Model.Policies;
using Mobility.Model.World;

/// <summary>
/// What the state at the end of <see cref="Year"/> depends on, as hashes: the state format, the engine build, the
/// world, every setting that is not a lever (seed and scale included), and the levers in force in some year up to
/// <see cref="Year"/> (with the random streams they draw from and every lever that adds universities). Two runs whose
/// keys at a year are equal have bit-for-bit the same state at the end of that year, so one's snapshot continues the
/// other: this is what makes a fork (one prefix, many scenarios continuing from it) exact.
/// </summary>
/// <param name="Format">The snapshot layout's version.</param>
/// <param name="Engine">The engine's version.</param>
/// <param name="World">Hash of the world's identity given by the caller (e.g. its files' hashes; empty in memory).</param>
/// <param name="Settings">Hash of every setting except the levers, the scenario's name, description, world folder and end year.</param>
/// <param name="Policies">Hash of the levers in force up to <see cref="Year"/>, their random streams, and the levers that add universities.</param>
/// <param name="Year">The last simulated year of the state.</param>
public sealed record SnapshotKey(string Format, string Engine, string World, string Settings, string Policies, int Year)
{
    /// <summary>The version of the state's layout; changes whenever <c>SimulationState.Exchange</c> does.</summary>
    public const string CurrentFormat = "mobility-state/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    /// <summary>The engine version a key records (the assembly's informational version).</summary>
    public static string EngineVersion { get; } =
        typeof(SnapshotKey).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SnapshotKey).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The key of a run's state at the end of <paramref name="year"/>.</summary>
    /// <param name="world">The run's world.</param>
    /// <param name="settings">The run's settings, with the run's seed.</param>
    /// <param name="year">The last simulated year of the state.</param>
    /// <param name="reportFrom">The first year the run collects records of (spin-up years from it are reported).</param>
    /// <param name="worldIdentity">What identifies the world (e.g. its files' hashes); empty when every run shares one world in memory.</param>
    public static SnapshotKey For(WorldData world, ScenarioSettings settings, int year, int reportFrom, string worldIdentity)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(settings);
        return new SnapshotKey(CurrentFormat, EngineVersion, WorldPart(worldIdentity), SettingsPart(settings, reportFrom), PoliciesPart(world, settings, year), year);
    }

    /// <summary>The <see cref="World"/> part of a key.</summary>
    public static string WorldPart(string worldIdentity) => Hash(worldIdentity ?? "");

    /// <summary>The <see cref="Settings"/> part of a key (the same for every year of a run).</summary>
    public static string SettingsPart(ScenarioSettings settings, int reportFrom) => Hash(SettingsText(settings, reportFrom));

    /// <summary>The <see cref="Policies"/> part of a key at the end of <paramref name="year"/>.</summary>
    public static string PoliciesPart(WorldData world, ScenarioSettings settings, int year) => Hash(PoliciesText(world, settings, year));

    /// <summary>What differs between this key and <paramref name="other"/>, in words (empty when they are equal).</summary>
    public IReadOnlyList<string> Differences(SnapshotKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        if (Format != other.Format)
        {
            differences.Add($"the state format differs ({Format} here, {other.Format} expected)");
        }

        if (Engine != other.Engine)
        {
            differences.Add($"the engine version differs ({Engine} here, {other.Engine} expected)");
        }

        if (World != other.World)
        {
            differences.Add("the world data differ");
        }

        if (Settings != other.Settings)
        {
            differences.Add("the scenario's settings differ (seed, scale, start year, spin-up or a coefficient)");
        }

        if (Policies != other.Policies)
        {
            differences.Add($"the levers in force up to {Year} differ");
        }

        if (Year != other.Year)
        {
            differences.Add($"the year differs ({Year} here, {other.Year} expected)");
        }

        return differences;
    }

    private static string SettingsText(ScenarioSettings settings, int reportFrom)
    {
        var node = JsonSerializer.SerializeToNode(settings, Json)!.AsObject();
        node.Remove(nameof(ScenarioSettings.Policies));
        var scenario = node[nameof(ScenarioSettings.Scenario)]!.AsObject();
        scenario.Remove(nameof(ScenarioInfo.Name));
        scenario.Remove(nameof(ScenarioInfo.Description));
        scenario.Remove(nameof(ScenarioInfo.World));
        scenario.Remove(nameof(ScenarioInfo.EndYear));
        node["reportFrom"] = reportFrom;
        return node.ToJsonString(Json);
    }

    /// <summary>
    /// The levers that shape the state up to <paramref name="year"/>: those in force in a simulated year up to it
    /// (spin-up years run the start year's levers) and those that add universities (they change the state from the
    /// first year); then the random-stream ranges of those levers and of the engine, which the others could move.
    /// </summary>
    private static string PoliciesText(WorldData world, ScenarioSettings settings, int year)
    {
        var scenario = settings.Scenario;
        int first = scenario.StartYear - scenario.SpinUpYears;
        var levers = new JsonObject();
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var othersOwners = new HashSet<string>(StringComparer.Ordinal);
        int universities = world.Universities.Count;
        foreach (var kind in PolicySettings.Levers)
        {
            foreach (var (instance, lever) in kind.Instances(settings.Policies))
            {
                int opened = lever.OpenedUniversities(instance, world).Count();
                universities += opened;
                bool shapes = opened > 0;
                for (int y = first; y <= year && !shapes; y++)
                {
                    shapes = lever.IsActive(Math.Max(y, scenario.StartYear));
                }

                var claims = lever.StreamClaims(instance, world).Select(c => c.Owner);
                if (shapes)
                {
                    levers[instance.Path] = JsonSerializer.SerializeToNode(lever, lever.GetType(), Json);
                    owners.UnionWith(claims);
                }
                else
                {
                    othersOwners.UnionWith(claims);
                }
            }
        }

        var streams = PolicyApplication.AllocateStreams(settings.Policies, world, universities);
        var ranges = new JsonArray();
        foreach (var range in streams.Ranges)
        {
            if (owners.Contains(range.Owner) || !othersOwners.Contains(range.Owner))
            {
                ranges.Add($"{range.Owner}:{range.Offset}:{range.Count}");
            }
        }

        return new JsonObject { ["levers"] = levers, ["streams"] = ranges }.ToJsonString(Json);
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
}
