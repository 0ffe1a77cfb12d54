namespace Mobility.Output.Sweeps;

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Mobility.Experiments.Sampling;
using Mobility.Experiments.Sweeps;
using Mobility.Input.Configuration;
using Mobility.Input;
using Mobility.Model.Metrics;

/// <summary>
/// Reads a design file (JSON, through Microsoft.Extensions.Configuration; comments allowed, unknown keys are errors),
/// checks every value, loads the base scenario once with the design's scale and fixed sets, and checks each varied
/// parameter against it: the path must be a key of the scenario's resolved configuration, and each end of its range
/// (or each level) must pass the scenario's validation. Every problem names the design file and the key.
/// </summary>
/// <remarks>
/// The process's <c>MOBILITY_*</c> environment variables are not applied: a sweep's runs are defined by its design
/// and scenario files alone, so that shards run on different machines agree.
/// </remarks>
public static partial class SweepDesignLoader
{
    /// <summary>Column names the sweep files use for themselves.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "run_id", "point", "replicate", "seed", "year", "country", "metric", "value",
    };

    public static LoadedSweepDesign Load(string designPath)
    {
        string full = Path.GetFullPath(designPath);
        string display = PathDisplay.Of(designPath);
        InputFile.Require(full, "design file", "*.json");
        byte[] content = File.ReadAllBytes(full);
        JsonObjectFile.Parse(display, content, "a sweep design file").Dispose();
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(content)).Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            // What the syntax check above lets through, e.g. a key given twice.
            throw new InputException($"{display}: {ex.Message}");
        }

        var problems = new List<string>(new ConfigurationChecker(_ => display)
            .Check(configuration, typeof(SweepDesignFile), new HashSet<string>(StringComparer.OrdinalIgnoreCase))
            .Select(p => $"{display}: {p}"));
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        SweepDesignFile file;
        try
        {
            file = configuration.Get<SweepDesignFile>(o => o.ErrorOnUnknownConfiguration = true) ?? new SweepDesignFile();
        }
        catch (InvalidOperationException ex)
        {
            throw new InputException($"{display}: {ex.Message}");
        }

        SweepDesign? design = Check(file, full, display, problems);
        if (problems.Count > 0 || design is null)
        {
            throw new InputException(problems.Count > 0 ? problems : [$"{display}: the design could not be read"]);
        }

        LoadedScenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(design.Scenario, new ScenarioLoadOptions
            {
                Scale = design.Scale,
                Sets = design.Sets,
                Environment = new Dictionary<string, string>(),
                TypedSource = "the design's \"{0}\"",
            });
        }
        catch (InputException ex)
        {
            throw new InputException(ex.Problems.Select(p => $"{display}: scenario (with the design's scale and sets): {p}"));
        }

        var variants = new ScenarioVariants(scenario);
        CheckAgainstScenario(design, variants, display, problems);
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        return new LoadedSweepDesign(design, full, variants);
    }

    private static SweepDesign? Check(SweepDesignFile file, string fullPath, string display, List<string> problems)
    {
        void Problem(string key, string message) => problems.Add($"{display}: {key}: {message}");

        string? scenario = null;
        if (string.IsNullOrWhiteSpace(file.Scenario))
        {
            Problem("scenario", "is required: the base scenario file, relative to the design file's folder");
        }
        else
        {
            scenario = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fullPath)!, file.Scenario));
            if (!File.Exists(scenario))
            {
                Problem("scenario", $"file '{file.Scenario}' not found (looked for {scenario})");
            }
        }

        SamplingMethod? method = null;
        if (Enum.TryParse(file.Method, ignoreCase: true, out SamplingMethod parsed) && !int.TryParse(file.Method, out _))
        {
            method = parsed;
        }
        else
        {
            Problem("method", $"must be one of grid, random, lhs, sobol, morris (was '{file.Method}')");
        }

        int minimumSamples = method is SamplingMethod.Sobol or SamplingMethod.Morris ? 2 : 1;
        if (file.Samples < minimumSamples)
        {
            Problem("samples", $"must be >= {minimumSamples} (was {file.Samples}): "
                + "points (random, lhs), base rows (sobol), trajectories (morris) or values per range (grid)");
        }

        if (file.Replications < 1)
        {
            Problem("replications", $"must be >= 1 (was {file.Replications})");
        }

        if (file.Seed < 0)
        {
            Problem("seed", $"must be >= 0 (was {file.Seed})");
        }

        if (file.Scale is double scale && !(scale >= 1))
        {
            Problem("scale", $"must be >= 1 persons per agent (was {scale.ToString(CultureInfo.InvariantCulture)})");
        }

        if (file.MorrisLevels < 2 || file.MorrisLevels % 2 != 0)
        {
            Problem("morrisLevels", $"must be even and >= 2 (was {file.MorrisLevels})");
        }

        var known = KnownMetrics();
        if (file.Metrics.Count == 0)
        {
            Problem("metrics", "must list at least one metric to keep, e.g. [\"regional_image\"]");
        }

        for (int i = 0; i < file.Metrics.Count; i++)
        {
            if (!known.Contains(file.Metrics[i]))
            {
                Problem($"metrics:{i}", $"unknown metric '{file.Metrics[i]}' (known: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
            }
        }

        for (int i = 0; i < file.Sets.Count; i++)
        {
            if (file.Sets[i].IndexOf('=', StringComparison.Ordinal) <= 0)
            {
                Problem($"sets:{i}", $"'{file.Sets[i]}' must have the form key=value, with ':' between sections");
            }
        }

        var parameters = new List<SweepParameter>();
        if (file.Parameters.Count == 0)
        {
            Problem("parameters", "must list at least one parameter to vary");
        }

        for (int i = 0; i < file.Parameters.Count; i++)
        {
            SweepParameterFile p = file.Parameters[i];
            string key = $"parameters:{i}";
            if (string.IsNullOrWhiteSpace(p.Path))
            {
                Problem($"{key}:path", "is required: the configuration path of the setting, e.g. degreeMobility:a0");
                continue;
            }

            string name = string.IsNullOrWhiteSpace(p.Name) ? p.Path.Split(':')[^1] : p.Name;
            if (!ColumnName().IsMatch(name) || ReservedNames.Contains(name))
            {
                Problem($"{key}:name", $"'{name}' must be a column name (letters, digits, '_', not starting with a digit) other than {string.Join(", ", ReservedNames)}");
            }

            bool hasRange = p.Range.Count > 0;
            bool hasLevels = p.Levels.Count > 0;
            if (hasRange == hasLevels)
            {
                Problem(key, $"({p.Path}) needs either \"range\": [min, max] or \"levels\": [v1, v2, ...], not {(hasRange ? "both" : "neither")}");
                continue;
            }

            if (hasRange && (p.Range.Count != 2 || !(p.Range[0] <= p.Range[1]) || p.Range.Any(v => !double.IsFinite(v))))
            {
                Problem($"{key}:range", $"({p.Path}) must be [min, max] with min <= max (was [{string.Join(", ", p.Range.Select(Show))}])");
                continue;
            }

            if (p.Levels.Any(v => !double.IsFinite(v)))
            {
                Problem($"{key}:levels", $"({p.Path}) must be finite numbers");
                continue;
            }

            if (p.Integer && p.Levels.Any(v => v != Math.Round(v)))
            {
                Problem($"{key}:levels", $"({p.Path}) is an integer parameter, so its levels must be whole numbers");
            }

            parameters.Add(new SweepParameter(
                name, p.Path, hasRange ? p.Range[0] : null, hasRange ? p.Range[1] : null, hasLevels ? p.Levels.ToArray() : null, p.Integer));
        }

        foreach (var group in parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Problem("parameters", $"the name '{group.Key}' is used by {group.Count()} parameters ({string.Join(", ", group.Select(p => p.Path))}); give them distinct \"name\"s");
        }

        foreach (var group in parameters.GroupBy(p => p.Path, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            Problem("parameters", $"the path '{group.Key}' is varied {group.Count()} times");
        }

        if (method == SamplingMethod.Sobol && 2 * parameters.Count > SobolSequence.MaxDimensions)
        {
            Problem("parameters", $"a sobol design takes at most {SobolSequence.MaxDimensions / 2} parameters (2 Sobol dimensions each; {parameters.Count} given)");
        }

        if (problems.Count > 0 || scenario is null || method is null)
        {
            return null;
        }

        var design = new SweepDesign
        {
            Scenario = scenario,
            Method = method.Value,
            Samples = file.Samples,
            Replications = file.Replications,
            Seed = file.Seed,
            Scale = file.Scale,
            MorrisLevels = file.MorrisLevels,
            Parameters = parameters,
            Metrics = file.Metrics.Distinct(StringComparer.Ordinal).ToArray(),
            Years = file.Years.Distinct().Order().ToArray(),
            Countries = file.Countries.Distinct(StringComparer.Ordinal).ToArray(),
            Sets = file.Sets.ToArray(),
        };
        long runs = SweepPlanner.RunCount(design);
        if (runs > int.MaxValue)
        {
            Problem("samples", $"the design has {runs} runs, more than {int.MaxValue}");
            return null;
        }

        return design;
    }

    private static void CheckAgainstScenario(SweepDesign design, ScenarioVariants variants, string display, List<string> problems)
    {
        var info = variants.Base.Settings.Scenario;
        for (int i = 0; i < design.Years.Count; i++)
        {
            if (design.Years[i] < info.StartYear || design.Years[i] > info.EndYear)
            {
                problems.Add($"{display}: years:{i}: {design.Years[i]} is outside the scenario's reported years {info.StartYear}-{info.EndYear}");
            }
        }

        for (int i = 0; i < design.Countries.Count; i++)
        {
            if (!variants.Base.World.Countries.Any(c => c.Code == design.Countries[i]))
            {
                problems.Add($"{display}: countries:{i}: '{design.Countries[i]}' is not a country of the world data");
            }
        }

        for (int i = 0; i < design.Parameters.Count; i++)
        {
            SweepParameter p = design.Parameters[i];
            string key = $"parameters:{i}:path";
            if (!variants.HasKey(p.Path))
            {
                string last = p.Path.Split(':')[^1];
                var similar = variants.Base.Configuration.Keys
                    .Where(k => k.EndsWith(":" + last, StringComparison.OrdinalIgnoreCase)).Take(5).ToArray();
                string hint = similar.Length > 0 ? $"; keys ending in '{last}': {string.Join(", ", similar)}" : "";
                problems.Add($"{display}: {key}: '{p.Path}' is not a key of the scenario {PathDisplay.Of(design.Scenario)} "
                    + $"(only settings the scenario or its base states can be varied{hint})");
                continue;
            }

            IEnumerable<double> values = p.Levels ?? [p.FromUnit(0), p.FromUnit(1)];
            foreach (double value in values.Distinct())
            {
                try
                {
                    variants.Settings([p.Set(value)]);
                }
                catch (InputException ex)
                {
                    problems.Add($"{display}: parameters:{i} ({p.Path}): the value {p.Format(value)} is rejected by the scenario: {string.Join("; ", ex.Problems)}");
                }
            }
        }
    }

    private static HashSet<string> KnownMetrics() => MetricCatalogue.Measured.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

    private static string Show(double v) => v.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ColumnName();
}
