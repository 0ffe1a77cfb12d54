namespace Mobility.Tests.IO;

using Mobility.Input;
using Mobility.Output.Files;

/// <summary>The writability probe a verb runs before any work: it answers, and leaves the file system as it found it.</summary>
public class AtomicFileTests
{
    [Fact]
    public void Probing_a_file_in_new_folders_leaves_no_folder_behind()
    {
        using var temp = new TempFolder();
        string target = Path.Combine(temp.Path, "a", "b", "results.parquet");

        AtomicFile.RequireWritable(target);

        Assert.False(Directory.Exists(Path.Combine(temp.Path, "a")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Probing_keeps_folders_that_existed_and_what_they_hold()
    {
        using var temp = new TempFolder();
        string folder = Directory.CreateDirectory(Path.Combine(temp.Path, "shards")).FullName;
        File.WriteAllText(Path.Combine(folder, "part-0.parquet"), "x");

        AtomicFile.RequireWritable(Path.Combine(folder, "part-1.lock"));

        Assert.Equal(["part-0.parquet"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_where_a_folder_is_needed_is_bad_input_naming_it()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "out"), "not a folder");

        var ex = Assert.Throws<InputException>(() => AtomicFile.RequireWritable(Path.Combine(temp.Path, "out", "fit.csv")));

        Assert.Contains("is a file, not a folder", ex.Message);
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }
}
