namespace Mobility.Tests.IO;

using Mobility.Input;
using Mobility.Input.World;

/// <summary>Temporary folders, the fixture world and small scenario files for I/O and CLI tests.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mobility-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public string Write(string relative, string content)
    {
        string path = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class TestFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Simulation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (Simulation.sln) not found above " + AppContext.BaseDirectory);
    });

    public static string RepositoryRoot => Root.Value;

    /// <summary>The small world under tests/Mobility.Tests/Fixtures/world (7 countries, 12 universities).</summary>
    public static string FixtureWorld => Path.Combine(RepositoryRoot, "tests", "Mobility.Tests", "Fixtures", "world");

    /// <summary>The project's world data, when it is present.</summary>
    public static string ProjectWorld => Path.Combine(RepositoryRoot, "scenarios", "world");

    public static bool ProjectWorldPresent =>
        WorldCsvLoader.FileNames.All(f => File.Exists(Path.Combine(ProjectWorld, f)));

    /// <summary>Copies the CSV files of a world folder into <paramref name="destination"/>.</summary>
    public static string CopyWorld(string destination, string? source = null)
    {
        source ??= FixtureWorld;
        Directory.CreateDirectory(destination);
        foreach (string name in WorldCsvLoader.FileNames)
        {
            File.Copy(Path.Combine(source, name), Path.Combine(destination, name), overwrite: true);
        }

        return destination;
    }

    /// <summary>Replaces the value of <paramref name="column"/> on the data row whose first field is <paramref name="key"/>.</summary>
    public static void SetCell(string csvPath, string key, string column, string value)
    {
        var lines = File.ReadAllLines(csvPath).ToList();
        int headerIndex = lines.FindIndex(l => l.Length > 0 && !l.StartsWith('#'));
        int columnIndex = Array.IndexOf(lines[headerIndex].Split(','), column);
        Assert.True(columnIndex >= 0, $"column {column} not in {csvPath}");
        int rowIndex = lines.FindIndex(l => l.StartsWith(key + ",", StringComparison.Ordinal));
        Assert.True(rowIndex > headerIndex, $"row {key} not in {csvPath}");
        var fields = SplitSimple(lines[rowIndex]);
        fields[columnIndex] = value;
        lines[rowIndex] = string.Join(',', fields);
        File.WriteAllLines(csvPath, lines);
    }

    /// <summary>Number of data rows of a CSV file (lines that are neither the header, blank nor a comment).</summary>
    public static int DataLines(string csvPath)
        => File.ReadAllLines(csvPath).Count(l => l.Length > 0 && !l.StartsWith('#')) - 1;

    /// <summary>
    /// Appends <paramref name="rows"/> to <paramref name="file"/> of a copy of the fixture world and loads it, which
    /// must fail; returns the problems and the line number of the first appended row.
    /// </summary>
    public static (InputException Problems, int FirstLine) LoadWorldWithRows(TempFolder temp, string file, IReadOnlyList<string> rows)
    {
        string folder = CopyWorld(temp.File("world"));
        string path = Path.Combine(folder, file);
        int first = File.ReadAllLines(path).Length + 1;
        File.AppendAllLines(path, rows);
        return (Assert.Throws<InputException>(() => WorldCsvLoader.Load(folder)), first);
    }

    /// <summary>Asserts that one problem contains every part.</summary>
    public static void AssertProblem(InputException ex, params string[] parts)
        => Assert.True(
            ex.Problems.Any(p => parts.All(part => p.Contains(part, StringComparison.Ordinal))),
            $"no problem contains all of [{string.Join(" | ", parts)}]; problems:\n{string.Join("\n", ex.Problems)}");

    /// <summary>1-based line number of the row whose first field is <paramref name="key"/>.</summary>
    public static int LineOf(string csvPath, string key)
        => File.ReadAllLines(csvPath).ToList().FindIndex(l => l.StartsWith(key + ",", StringComparison.Ordinal)) + 1;

    /// <summary>Splits a CSV line, keeping quoted fields (with their quotes) intact.</summary>
    private static List<string> SplitSimple(string line)
    {
        var fields = new List<string>();
        int start = 0;
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ',' && !quoted)
            {
                fields.Add(line[start..i]);
                start = i + 1;
            }
        }

        fields.Add(line[start..]);
        return fields;
    }

    /// <summary>
    /// Writes base.json (name "t", world "world", 2025-2030, a0 -3.5, an RUS->TJK host quota) and a world copy beside it;
    /// returns the base file's path.
    /// </summary>
    public static string WriteBaseScenario(TempFolder folder, string? worldSource = null)
    {
        CopyWorld(folder.File("world"), worldSource);
        return folder.Write("base.json", """
            {
              // comments and trailing commas are allowed, as in appsettings files
              "scenario": { "name": "t", "world": "world", "startYear": 2025, "endYear": 2030, "seed": 7 },
              "degreeMobility": { "a0": -3.5, "aAbility": 1.25 },
              "policies": {
                "hostQuota": { "ru-tj": { "host": "RUS", "origin": "TJK", "seatsPerYear": 1000, "start": 2025 } },
                "visaFacilitation": { "ca": { "countries": ["KAZ", "KGZ", "UZB"], "start": 2026 } },
              },
            }
            """);
    }
}
