namespace Mobility.Benchmarks;

/// <summary>Finds files of the repository from wherever the benchmark process runs.</summary>
internal static class RepositoryPaths
{
    private const string Marker = "Simulation.sln";

    /// <summary>
    /// The folder holding Simulation.sln, found by walking up from <see cref="AppContext.BaseDirectory"/>; this also
    /// works from the child processes BenchmarkDotNet builds under <c>bin/</c>.
    /// </summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no {Marker} found in {AppContext.BaseDirectory} or any folder above it");
    }

    public static string Scenario(string fileName) => Path.Combine(Root(), "scenarios", fileName);
}
