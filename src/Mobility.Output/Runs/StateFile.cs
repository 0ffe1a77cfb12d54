namespace Mobility.Output.Runs;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mobility.Engine.Kernel;
using Mobility.Engine.Measurement;
using Mobility.Input;
using Mobility.Output.Files;

/// <summary>
/// A <see cref="SimulationSnapshot"/> on disk (<c>state-YEAR.mstate</c>): a binary file that starts with its format
/// and key and ends with the SHA-256 of everything before, so a truncated or altered file is refused, and a run reads
/// it only when its own key at that year is the file's (otherwise it names what differs).
/// Layout (little-endian): magic <c>MOBSTATE</c>; the key (format, engine, world, settings, policies as strings; year);
/// the four counters; the named byte columns; the metric, flow, stock, university and ledger records; the hash.
/// </summary>
public static class StateFile
{
    public const string Extension = ".mstate";

    private static readonly byte[] Magic = "MOBSTATE"u8.ToArray();

    /// <summary>The file name of the state at the end of <paramref name="year"/>.</summary>
    public static string FileName(int year) => string.Create(CultureInfo.InvariantCulture, $"state-{year}{Extension}");

    /// <summary>Writes the snapshot atomically (temporary file, then rename).</summary>
    public static Task WriteAsync(string path, SimulationSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return AtomicFile.WriteAllBytesAsync(path, ToBytes(snapshot), cancellationToken);
    }

    /// <summary>Reads a snapshot; a missing, truncated, altered or foreign file is bad input naming the file.</summary>
    public static SimulationSnapshot Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException([$"cannot read the saved state '{PathDisplay.Of(path)}': {ex.Message.TrimEnd('.')}"], ex);
        }

        return FromBytes(bytes, path);
    }

    public static byte[] ToBytes(SimulationSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var memory = new MemoryStream();
        using (var w = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            var k = snapshot.Key;
            w.Write(k.Format);
            w.Write(k.Engine);
            w.Write(k.World);
            w.Write(k.Settings);
            w.Write(k.Policies);
            w.Write(k.Year);
            var c = snapshot.Counters;
            w.Write(c.AgentYears);
            w.Write(c.AlumniYears);
            w.Write(c.PeakAgents);
            w.Write(c.PeakStudents);
            w.Write(snapshot.Columns.Count);
            foreach (var (name, column) in snapshot.Columns.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                w.Write(name);
                w.Write(column.Length);
                w.Write(column);
            }

            WriteAll(w, snapshot.Metrics, (w, m) => { w.Write(m.Year); w.Write(m.Country); w.Write(m.Metric); w.Write(m.Value); });
            WriteAll(w, snapshot.Flows, (w, f) => { w.Write(f.Year); w.Write(f.Origin); w.Write(f.Destination); w.Write(f.Kind); w.Write(f.Persons); });
            WriteAll(w, snapshot.Stocks, (w, s) => { w.Write(s.Year); w.Write(s.Origin); w.Write(s.Destination); w.Write(s.Students); });
            WriteAll(w, snapshot.Universities, (w, u) =>
            {
                w.Write(u.Year);
                w.Write(u.University);
                w.Write(u.Country);
                w.Write(u.Composite);
                w.Write(u.Rank ?? -1);
                w.Write(u.Students);
                w.Write(u.IntlStudents);
                w.Write(u.IntlStaff);
            });
            WriteAll(w, snapshot.Ledger, (w, l) =>
            {
                w.Write(l.Year);
                w.Write(l.Entered);
                w.Write(l.ActiveStudents);
                w.Write(l.MobileAlumni);
                w.Write(l.DomesticAlumni);
                w.Write(l.Dropouts);
                w.Write(l.Scholars);
            });
        }

        memory.Write(SHA256.HashData(memory.GetBuffer().AsSpan(0, (int)memory.Length)));
        return memory.ToArray();
    }

    public static SimulationSnapshot FromBytes(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string file = PathDisplay.Of(path);
        if (bytes.Length < Magic.Length + SHA256.HashSizeInBytes || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InputException($"'{file}' is not a saved state of this program (expected a state-YEAR{Extension} file written by 'mobility run --save-state')");
        }

        int body = bytes.Length - SHA256.HashSizeInBytes;
        if (!SHA256.HashData(bytes.AsSpan(0, body)).AsSpan().SequenceEqual(bytes.AsSpan(body)))
        {
            throw new InputException($"the saved state '{file}' is truncated or altered (its checksum does not match); save it again with 'mobility run --save-state'");
        }

        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, Magic.Length, body - Magic.Length), Encoding.UTF8);
            string format = r.ReadString();
            if (format != SnapshotKey.CurrentFormat)
            {
                throw new InputException($"the saved state '{file}' has format '{format}', but this version of the program reads '{SnapshotKey.CurrentFormat}'; save it again with this version");
            }

            var key = new SnapshotKey(format, r.ReadString(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadInt32());
            var counters = new SnapshotCounters(r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
            int count = r.ReadInt32();
            var columns = new Dictionary<string, byte[]>(count, StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                string name = r.ReadString();
                columns[name] = r.ReadBytes(r.ReadInt32());
            }

            return new SimulationSnapshot
            {
                Key = key,
                Counters = counters,
                Columns = columns,
                Metrics = ReadAll(r, r => new MetricRecord(r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadDouble())),
                Flows = ReadAll(r, r => new FlowRecord(r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadString(), r.ReadDouble())),
                Stocks = ReadAll(r, r => new StockRecord(r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadDouble())),
                Universities = ReadAll(r, r =>
                {
                    int year = r.ReadInt32();
                    string university = r.ReadString(), country = r.ReadString();
                    double composite = r.ReadDouble();
                    int rank = r.ReadInt32();
                    return new UniversityRecord(year, university, country, composite, rank < 0 ? null : rank, r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
                }),
                Ledger = ReadAll(r, r => new PopulationLedger(r.ReadInt32(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64())),
            };
        }
        catch (EndOfStreamException ex)
        {
            throw new InputException([$"the saved state '{file}' ends early; save it again with 'mobility run --save-state'"], ex);
        }
    }

    private static void WriteAll<T>(BinaryWriter w, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        w.Write(items.Count);
        foreach (var item in items)
        {
            write(w, item);
        }
    }

    private static T[] ReadAll<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var items = new T[r.ReadInt32()];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = read(r);
        }

        return items;
    }
}
