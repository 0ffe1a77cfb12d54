namespace Mobility.Output.Files;

using System.Globalization;
using Mobility.Input;

/// <summary>
/// Writes one file so that it appears complete or not at all: the content goes to a temporary sibling
/// (<c>.NAME.tmp-PID</c>), is flushed to disk, then renamed over the final name. A killed writer leaves only the
/// temporary file, never a truncated final one.
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new InputException($"'{path}' cannot be an output file");
        string temp = TempPath(full);
        FileStream stream;
        try
        {
            Directory.CreateDirectory(folder);
            stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(full, ex);
        }

        try
        {
            await using (stream)
            {
                await write(stream).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteAsync(path, async stream =>
        {
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            await writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public static Task WriteAllBytesAsync(string path, byte[] bytes, CancellationToken cancellationToken = default) =>
        WriteAsync(path, stream => stream.WriteAsync(bytes, cancellationToken).AsTask(), cancellationToken);

    /// <summary>
    /// Checks before any long work that <paramref name="path"/> can be written: it is not a folder, and a file can be
    /// created beside it (its folder is created for the check if need be). The check leaves nothing behind.
    /// </summary>
    public static void RequireWritable(string path)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new InputException($"output file '{PathDisplay.Of(full)}' is a folder; name a file to write");
        }

        string folder = Path.GetDirectoryName(full) ?? throw new InputException($"'{path}' cannot be an output file");
        string? created = FirstMissing(folder);
        string probe = TempPath(full);
        try
        {
            Directory.CreateDirectory(folder);
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None))
            {
            }

            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(full, ex);
        }
        finally
        {
            if (created is not null)
            {
                RemoveEmptyFolders(folder, created);
            }
        }
    }

    /// <summary>
    /// Removes the folders the probe created, innermost first, but only while they are empty: another process
    /// writing into the same new folder at the same time (the shards of an array job) keeps what it put there.
    /// </summary>
    private static void RemoveEmptyFolders(string innermost, string outermost)
    {
        for (string? f = innermost; f is not null && f.Length >= outermost.Length; f = Path.GetDirectoryName(f))
        {
            try
            {
                if (!Directory.Exists(f) || Directory.EnumerateFileSystemEntries(f).Any())
                {
                    return;
                }

                Directory.Delete(f, recursive: false);
            }
            catch (IOException)
            {
                return; // filled or removed by someone else meanwhile: theirs now
            }
        }
    }

    /// <summary>The error for an output location the file system refuses: bad input (exit code 2), not a bug.</summary>
    public static InputException Unwritable(string path, Exception reason)
    {
        string? file = null;
        for (string? f = Path.GetDirectoryName(Path.GetFullPath(path)); f is not null && file is null; f = Path.GetDirectoryName(f))
        {
            file = File.Exists(f) ? f : null;
        }

        string why = file is not null ? $"'{PathDisplay.Of(file)}' is a file, not a folder"
            : reason switch
            {
                UnauthorizedAccessException => "permission denied",
                FileNotFoundException or DirectoryNotFoundException => "files cannot be created there",
                _ => reason.Message.TrimEnd('.'),
            };
        return new InputException([$"cannot write '{PathDisplay.Of(path)}': {why}; choose another place for the output"], reason);
    }

    /// <summary>The outermost folder of <paramref name="folder"/>'s path that does not exist yet, or null if it exists.</summary>
    private static string? FirstMissing(string folder)
    {
        string? missing = null;
        for (string? f = folder; f is not null && !Directory.Exists(f); f = Path.GetDirectoryName(f))
        {
            missing = f;
        }

        return missing;
    }

    private static string TempPath(string full)
        => Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
}
