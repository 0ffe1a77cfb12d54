namespace Mobility.Input.World;

/// <summary>A world folder's identity by content: the hash of each of its CSV files, so that two copies of the same files are one world.</summary>
public static class WorldFingerprint
{
    public static string Of(string folder)
        => string.Join(";", WorldCsvLoader.FileNames.Select(name =>
        {
            string path = Path.Combine(folder, name);
            return File.Exists(path) ? name + "=" + FileHash.Sha256(path) : name + "=missing";
        }));
}
