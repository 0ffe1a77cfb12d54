namespace Mobility.Input;

/// <summary>Shows paths in messages the way the user most likely typed them: relative to the working directory when inside it.</summary>
public static class PathDisplay
{
    public static string Of(string path)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        bool outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.IsPathRooted(relative);
        return outside ? full : relative;
    }
}
