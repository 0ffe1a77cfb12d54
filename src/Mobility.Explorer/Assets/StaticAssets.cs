namespace Mobility.Explorer.Assets;

using System.Reflection;

/// <summary>The page's files (index.html, app.js, app.css), embedded in the assembly: the app is one program and fetches nothing from the network.</summary>
public static class StaticAssets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
    };

    /// <summary>The file's bytes and content type, or null when there is no such file.</summary>
    public static (byte[] Bytes, string ContentType)? Find(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains("..", StringComparison.Ordinal) || !Types.TryGetValue(Path.GetExtension(name), out var type))
        {
            return null;
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name);
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return (memory.ToArray(), type);
    }
}
