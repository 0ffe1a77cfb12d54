namespace Mobility.Input;

using System.Security.Cryptography;

/// <summary>SHA-256 of a file's bytes, as lower-case hex: identifies world data by content and records outputs in manifests.</summary>
public static class FileHash
{
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
