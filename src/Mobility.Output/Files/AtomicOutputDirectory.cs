namespace Mobility.Output.Files;

using System.Diagnostics;
using System.Globalization;
using Mobility.Input;

/// <summary>
/// An output folder that appears complete or not at all. Files are written into a temporary sibling
/// <c>.NAME.tmp-PID</c> (<see cref="WorkingPath"/>); <see cref="Commit"/> renames it to the final name. With
/// <c>force</c>, an existing folder is replaced only once the new one is complete: the old one is renamed away
/// (<c>.NAME.old-PID</c>), the new one renamed in, then the old one deleted. A run that is killed leaves no final
/// folder, only a stale temporary one, which the next run to the same folder deletes if its process is gone.
/// Disposing without committing deletes the temporary folder.
/// </summary>
public sealed class AtomicOutputDirectory : IDisposable
{
    private const string TempMarker = ".tmp-";
    private const string OldMarker = ".old-";

    private readonly bool force;
    private bool committed;

    private AtomicOutputDirectory(string finalPath, string workingPath, bool force)
    {
        FinalPath = finalPath;
        WorkingPath = workingPath;
        this.force = force;
    }

    /// <summary>Absolute path of the folder the outputs end up in.</summary>
    public string FinalPath { get; }

    /// <summary>Absolute path of the temporary folder to write into before <see cref="Commit"/>.</summary>
    public string WorkingPath { get; }

    /// <summary>
    /// Checks that the folder may be written (throws <see cref="OutputExistsException"/> if it exists and
    /// <paramref name="force"/> is false), cleans up stale temporary folders of dead processes and creates the working folder.
    /// </summary>
    public static AtomicOutputDirectory Begin(string directory, bool force)
    {
        string finalPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        string parent = Path.GetDirectoryName(finalPath) ?? throw new InputException($"'{directory}' cannot be an output folder");
        string name = Path.GetFileName(finalPath);
        if (File.Exists(finalPath))
        {
            throw new InputException($"output path '{PathDisplay.Of(finalPath)}' is a file, not a folder");
        }

        if (Directory.Exists(finalPath) && !force)
        {
            throw new OutputExistsException(finalPath);
        }

        string working = Path.Combine(parent, $".{name}{TempMarker}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        try
        {
            Directory.CreateDirectory(parent);
            CleanStale(parent, name);
            if (Directory.Exists(working))
            {
                Directory.Delete(working, recursive: true);
            }

            Directory.CreateDirectory(working);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Checked here, before the runs: an unwritable --out is bad input, reported before any work is done.
            throw AtomicFile.Unwritable(finalPath, ex);
        }

        return new AtomicOutputDirectory(finalPath, working, force);
    }

    /// <summary>Moves the completed working folder to <see cref="FinalPath"/>, replacing an existing folder when forced.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(committed, this);
        if (!Directory.Exists(FinalPath))
        {
            Directory.Move(WorkingPath, FinalPath);
            committed = true;
            return;
        }

        if (!force)
        {
            throw new OutputExistsException(FinalPath);
        }

        string parent = Path.GetDirectoryName(FinalPath)!;
        string old = Path.Combine(parent, $".{Path.GetFileName(FinalPath)}{OldMarker}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }

        Directory.Move(FinalPath, old);
        try
        {
            Directory.Move(WorkingPath, FinalPath);
        }
        catch
        {
            Directory.Move(old, FinalPath);
            throw;
        }

        committed = true;
        TryDelete(old);
    }

    public void Dispose()
    {
        if (!committed)
        {
            TryDelete(WorkingPath);
            committed = true;
        }
    }

    private static void CleanStale(string parent, string name)
    {
        foreach (string marker in new[] { TempMarker, OldMarker })
        {
            string prefix = $".{name}{marker}";
            foreach (string candidate in Directory.EnumerateDirectories(parent, prefix + "*"))
            {
                string suffix = Path.GetFileName(candidate)[prefix.Length..];
                if (int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                    && pid != Environment.ProcessId && !IsAlive(pid))
                {
                    TryDelete(candidate);
                }
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next run's stale cleanup.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for the next run's stale cleanup.
        }
    }
}
