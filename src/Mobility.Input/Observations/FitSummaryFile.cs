namespace Mobility.Input.Observations;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mobility.Input.Configuration;

/// <summary>
/// The one-line verdict of a fit, kept next to the observations so that a comparison can say how well its reference
/// scenario reproduces published figures without re-running the fit: <c>fit-summary.json</c>, written by
/// <c>mobility fit</c> into its output folder; the shipped copy is <c>scenarios/observations/fit-summary.json</c>.
/// It records a hash of the scenario's behavioural configuration (everything but the <c>scenario:</c> section, so the
/// run's years, scale and seed do not matter; numbers compared as numbers), so a reader can tell when the scenario's
/// coefficients changed after the fit. A fit with <c>--cross-validate</c> also records how well the held-out pairs were
/// predicted (<see cref="HeldOut"/>), so that the line says what the baseline predicts, not only what it reproduces.
/// </summary>
public sealed record FitSummaryFile(
    string Scenario, string ConfigurationSha256, string Observations, int Targets, int Figures, double MedianFactor, double WithinFactorTwo,
    int NotComparable, string Command, string Date, HeldOutFit? HeldOut = null)
{
    public const string FileName = "fit-summary.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file, not HTML: "the host's level" as written
    };

    /// <summary>Hash of a resolved configuration without its <c>scenario:</c> keys.</summary>
    public static string Hash(IReadOnlyDictionary<string, string> configuration)
    {
        string text = string.Join("\n", configuration
            .Where(kv => !kv.Key.StartsWith("scenario:", StringComparison.OrdinalIgnoreCase) && !string.Equals(kv.Key, ScenarioLoader.BaseKey, StringComparison.OrdinalIgnoreCase))
            .OrderBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .Select(kv => $"{kv.Key.ToLowerInvariant()}={Normal(kv.Value)}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A number in one form (-5.0 and -5.000 are the same coefficient); other text as it is.</summary>
    private static string Normal(string value)
        => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number.ToString("R", CultureInfo.InvariantCulture) : value;

    public string ToJson() => JsonSerializer.Serialize(this, Json) + Environment.NewLine;

    /// <summary>The summary in <paramref name="folder"/>, or null when there is none or it cannot be read (it is optional context).</summary>
    public static FitSummaryFile? TryRead(string folder)
    {
        string path = Path.Combine(folder, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<FitSummaryFile>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// "reproduces 137 published figures, median error x1.2, 90% within 2x; held-out pairs x1.5 (...); see fit.html" and
    /// whether it is current.
    /// </summary>
    public string Sentence(IReadOnlyDictionary<string, string> configuration, string scenarioName)
    {
        var c = CultureInfo.InvariantCulture;
        string heldOut = HeldOut is null
            ? ""
            : string.Create(c, $"; predicts held-out pairs with median error x{HeldOut.MedianFactor:0.00} ({HeldOut.Check}, {HeldOut.WithinFactorTwo * 100:0}% within 2x")
                + (HeldOut.BetweenMembersFactor is double between ? string.Create(c, $"; flows between members x{between:0.00}") : "") + ")";
        string line = string.Create(c,
            $"{scenarioName} reproduces {Figures} published figures ({Targets} targets) with median error x{MedianFactor:0.00}, {WithinFactorTwo * 100:0}% within 2x{heldOut}; see fit.html of `{Command}`");
        return Hash(configuration) == ConfigurationSha256
            ? line
            : line + " (measured with other coefficients than this reference has: re-run that command)";
    }
}
