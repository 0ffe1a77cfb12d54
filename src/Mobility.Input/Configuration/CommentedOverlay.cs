namespace Mobility.Input.Configuration;

using System.Text;
using System.Text.RegularExpressions;

/// <summary>
/// Adds a line comment to settings of an overlay written by <see cref="ScenarioOverlay"/>: the scenario loader reads
/// JSON with comments, so each fitted constant can name the figures behind it where it is set.
/// </summary>
public static partial class CommentedOverlay
{
    /// <param name="json">The overlay as <see cref="ScenarioOverlay.Json"/> wrote it (indented, one setting per line).</param>
    /// <param name="comments">Comment by configuration path (e.g. <c>choice:pairShift:KAZ:RUS</c>, case-insensitive).</param>
    public static string With(string json, IReadOnlyDictionary<string, string> comments)
    {
        var byPath = new Dictionary<string, string>(comments, StringComparer.OrdinalIgnoreCase);
        var path = new List<string>();
        var text = new StringBuilder();
        string? pending = null;
        foreach (string line in json.Split('\n'))
        {
            string trimmed = line.TrimEnd('\r');
            var key = KeyPattern().Match(trimmed);
            if (key.Success && trimmed.TrimEnd().EndsWith('{'))
            {
                pending = key.Groups[1].Value;
                path.Add(pending);
                text.Append(trimmed).Append('\n');
                continue;
            }

            if (trimmed.Trim().StartsWith('}') && path.Count > 0)
            {
                path.RemoveAt(path.Count - 1);
            }

            if (key.Success && byPath.TryGetValue(string.Join(":", path.Append(key.Groups[1].Value)), out string? comment))
            {
                trimmed += " // " + comment.Replace('\n', ' ').Replace('\r', ' ');
            }

            text.Append(trimmed).Append('\n');
        }

        return text.ToString().TrimEnd('\n') + Environment.NewLine;
    }

    [GeneratedRegex("^\\s*\"([^\"]+)\"\\s*:")]
    private static partial Regex KeyPattern();
}
