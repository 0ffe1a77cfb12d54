namespace Mobility.Input.Priors;

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Mobility.Model.Uncertainty;
using Mobility.Input.Configuration;
using Mobility.Model.Parameters;

/// <summary>
/// Reads a priors file (JSON through Microsoft.Extensions.Configuration: comments allowed, unknown keys are errors)
/// and checks every entry: the coefficient must be a real-valued setting of the scenario settings types (checked as
/// <c>--set</c> paths are), the distribution one of normal, lognormal, uniform with exactly its parameters, spreads
/// above 0, lower below upper, bounds that leave prior mass, a one-line justification, no coefficient twice. Every
/// problem names the file and the key; all are thrown together as an <see cref="InputException"/>.
/// </summary>
public static class PriorsLoader
{
    /// <summary>Truncation bounds must keep at least this much of the untruncated distribution's mass.</summary>
    public const double MinimumMass = 1e-9;

    private static readonly string[] Families = ["normal", "lognormal", "uniform"];

    public static LoadedPriors Load(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        string display = PathDisplay.Of(path);
        if (!File.Exists(full))
        {
            throw new InputException($"priors file {display} not found");
        }

        byte[] bytes = File.ReadAllBytes(full);
        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(bytes)).Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new InputException($"{display}: not valid JSON: {ex.Message}");
        }

        var problems = new List<string>(new ConfigurationChecker(_ => display)
            .Check(configuration, typeof(PriorsFile), new HashSet<string>(StringComparer.OrdinalIgnoreCase))
            .Select(p => $"{display}: {p}"));
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        PriorsFile file;
        try
        {
            file = configuration.Get<PriorsFile>(o => o.ErrorOnUnknownConfiguration = true) ?? new PriorsFile();
        }
        catch (InvalidOperationException ex)
        {
            throw new InputException($"{display}: {ex.Message}");
        }

        var coefficients = new List<CoefficientPrior>();
        if (file.Priors.Count == 0)
        {
            problems.Add($"{display}: priors: must list at least one prior, e.g. {{ \"coefficient\": \"choice:bNetwork\", \"distribution\": \"lognormal\", \"median\": 0.35, \"sdLog\": 0.5, \"justification\": \"...\" }}");
        }

        for (int i = 0; i < file.Priors.Count; i++)
        {
            if (Check(file.Priors[i], $"{display}: priors:{i}", problems) is CoefficientPrior prior)
            {
                coefficients.Add(prior);
            }
        }

        foreach (var group in coefficients.GroupBy(c => c.Path, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"{display}: priors: the coefficient '{group.Key}' has {group.Count()} priors; give it one");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        return new LoadedPriors(new JointPrior(coefficients), file.Description ?? "", full, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static CoefficientPrior? Check(PriorEntryFile entry, string key, List<string> problems)
    {
        int before = problems.Count;
        string path = entry.Coefficient?.Trim() ?? "";
        if (path.Length == 0)
        {
            problems.Add($"{key}:coefficient: is required: the configuration path of the coefficient, e.g. choice:bNetwork");
            return null;
        }

        string where = $"{key} ({path})";
        CheckPath(path, $"{key}:coefficient", problems);
        if (string.IsNullOrWhiteSpace(entry.Justification) || entry.Justification.Contains('\n', StringComparison.Ordinal))
        {
            problems.Add($"{where}:justification: is required, on one line: the source of the prior, or the model default it is centred on");
        }

        foreach (var (name, value) in new[] { ("mean", entry.Mean), ("sd", entry.Sd), ("median", entry.Median), ("sdLog", entry.SdLog), ("lower", entry.Lower), ("upper", entry.Upper) })
        {
            if (value is double v && !double.IsFinite(v))
            {
                problems.Add($"{where}:{name}: must be a finite number (was {Show(v)})");
            }
        }

        string family = entry.Distribution?.Trim().ToLowerInvariant() ?? "";
        if (!Families.Contains(family))
        {
            problems.Add(string.IsNullOrWhiteSpace(entry.Distribution)
                ? $"{where}:distribution: is required: one of {string.Join(", ", Families)}"
                : $"{where}:distribution: unknown distribution '{entry.Distribution}' (known: {string.Join(", ", Families)})");
            return null;
        }

        var (needed, allowed) = family switch
        {
            "normal" => (new[] { "mean", "sd" }, new[] { "mean", "sd", "lower", "upper" }),
            "lognormal" => (new[] { "median", "sdLog" }, new[] { "median", "sdLog", "lower", "upper" }),
            _ => (new[] { "lower", "upper" }, new[] { "lower", "upper" }),
        };
        var given = new Dictionary<string, double?>
        {
            ["mean"] = entry.Mean, ["sd"] = entry.Sd, ["median"] = entry.Median, ["sdLog"] = entry.SdLog, ["lower"] = entry.Lower, ["upper"] = entry.Upper,
        };
        foreach (string name in needed.Where(n => given[n] is null))
        {
            problems.Add($"{where}:{name}: is required for a {family} prior ({string.Join(", ", needed)}{(allowed.Length > needed.Length ? ", optional lower and upper truncation bounds" : "")})");
        }

        foreach (string name in given.Keys.Where(n => given[n] is not null && !allowed.Contains(n)))
        {
            problems.Add($"{where}:{name}: does not apply to a {family} prior (its keys: {string.Join(", ", allowed)})");
        }

        foreach (string spread in new[] { "sd", "sdLog" }.Where(n => allowed.Contains(n) && given[n] is double s && !(s > 0)))
        {
            problems.Add($"{where}:{spread}: must be > 0 (was {Show(given[spread]!.Value)}): a spread is positive");
        }

        if (family == "lognormal" && entry.Median is double median && !(median > 0))
        {
            problems.Add($"{where}:median: must be > 0 for a log-normal prior (was {Show(median)})");
        }

        if (family == "lognormal" && entry.Upper is double top && !(top > 0))
        {
            problems.Add($"{where}:upper: must be > 0 for a log-normal prior, whose support is x > 0 (was {Show(top)})");
        }

        if (entry.Lower is double lower && entry.Upper is double upper && !(lower < upper))
        {
            problems.Add($"{where}:lower: must be below upper (lower {Show(lower)}, upper {Show(upper)})");
        }

        if (problems.Count > before)
        {
            return null;
        }

        PriorDistribution distribution = family switch
        {
            "normal" => PriorDistribution.Normal(entry.Mean!.Value, entry.Sd!.Value, entry.Lower, entry.Upper),
            "lognormal" => PriorDistribution.LogNormal(entry.Median!.Value, entry.SdLog!.Value, entry.Lower, entry.Upper),
            _ => PriorDistribution.Uniform(entry.Lower!.Value, entry.Upper!.Value),
        };
        if (!(distribution.Mass >= MinimumMass))
        {
            problems.Add($"{where}:lower: the bounds [{Show(distribution.Lower)}, {Show(distribution.Upper)}] keep almost none of the {distribution} distribution's mass ({distribution.Mass:G3}); center the prior inside them");
            return null;
        }

        return new CoefficientPrior(path, CoefficientPrior.ColumnName(path), distribution, entry.Justification!.Trim());
    }

    /// <summary>
    /// The path must name a real-valued setting: setting it to 0.5 must pass the checks the scenario's own keys pass,
    /// and setting it to a word must not (which rules out text settings).
    /// </summary>
    private static void CheckPath(string path, string key, List<string> problems)
    {
        IReadOnlyList<string> AsNumber(string value)
            => new ConfigurationChecker(_ => "the priors file")
                .Check(new ConfigurationBuilder().AddInMemoryCollection([new(path, value)]).Build(), typeof(ScenarioSettings), new HashSet<string>());

        IReadOnlyList<string> numeric = AsNumber("0.5");
        if (numeric.Count > 0)
        {
            problems.Add($"{key}: '{path}' is not a real-valued coefficient of the scenario settings: {string.Join("; ", numeric)}");
        }
        else if (AsNumber("not-a-number").Count == 0)
        {
            problems.Add($"{key}: '{path}' is a text setting, not a coefficient");
        }
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
