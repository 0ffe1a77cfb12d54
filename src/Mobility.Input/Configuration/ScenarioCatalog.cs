namespace Mobility.Input.Configuration;

/// <summary>The shipped scenarios of a folder: a base scenario and every file whose chain of <c>"base"</c> keys reaches it.</summary>
public static class ScenarioCatalog
{
    public const string BaselineFile = "baseline.json";

    /// <summary>
    /// <c>baseline.json</c> of <paramref name="folder"/> first, then every other <c>*.json</c> there whose base chain
    /// reaches it, by file name. Files that cannot be read are skipped here and reported when loaded.
    /// </summary>
    public static IReadOnlyList<string> BaselineAndOverlays(string folder)
    {
        string baseline = Path.GetFullPath(Path.Combine(folder, BaselineFile));
        if (!File.Exists(baseline))
        {
            throw new InputException($"no scenario given and '{PathDisplay.Of(baseline)}' not found; name the scenarios to compare (the first is the reference) or run from the repository root");
        }

        var overlays = Directory.EnumerateFiles(Path.GetFullPath(folder), "*.json")
            .Where(path => Path.GetFileName(path) != BaselineFile)
            .Order(StringComparer.Ordinal)
            .Where(path => ReachesBaseline(path, baseline));
        return [baseline, .. overlays];
    }

    private static bool ReachesBaseline(string path, string baseline)
    {
        try
        {
            return ScenarioFileChain.Read(path).Any(file => file.FullPath == baseline);
        }
        catch (InputException)
        {
            return false;
        }
    }
}
