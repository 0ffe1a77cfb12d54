namespace Mobility.Engine.State;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

/// <summary>
/// The run's changing state as named columns of raw bytes, read off the state (<see cref="ForCapture"/>) or written
/// back into a freshly built state of the same scenario (<see cref="ForRestore"/>). The state lists its columns once
/// (<see cref="SimulationState.Exchange"/>), so capture and restore cannot disagree about what the state is.
/// </summary>
internal sealed class StateColumns
{
    private readonly Dictionary<string, byte[]> columns;
    private readonly bool restoring;

    private StateColumns(Dictionary<string, byte[]> columns, bool restoring)
    {
        this.columns = columns;
        this.restoring = restoring;
    }

    /// <summary>The columns read so far (capture) or given (restore), by name.</summary>
    public IReadOnlyDictionary<string, byte[]> Columns => columns;

    public static StateColumns ForCapture() => new(new Dictionary<string, byte[]>(StringComparer.Ordinal), restoring: false);

    public static StateColumns ForRestore(IReadOnlyDictionary<string, byte[]> columns)
        => new(new Dictionary<string, byte[]>(columns, StringComparer.Ordinal), restoring: true);

    /// <summary>Captures <paramref name="value"/>, or returns the value captured under <paramref name="name"/>.</summary>
    public long Scalar(string name, long value)
    {
        var one = new[] { value };
        Column(name, one, 1);
        return one[0];
    }

    /// <summary>The first <paramref name="length"/> items of a column.</summary>
    public void Column<T>(string name, T[] array, int length)
        where T : unmanaged
        => Exchange(name, MemoryMarshal.AsBytes(array.AsSpan(0, length)));

    public void Column<T>(string name, T[] array)
        where T : unmanaged
        => Column(name, array, array.Length);

    public void Column<T>(string name, T[,] array)
        where T : unmanaged
        => Exchange(name, MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length)));

    private void Exchange(string name, Span<byte> bytes)
    {
        if (!restoring)
        {
            columns.Add(name, bytes.ToArray());
            return;
        }

        if (!columns.TryGetValue(name, out var saved))
        {
            throw new InvalidOperationException($"the saved state has no column '{name}'");
        }

        if (saved.Length != bytes.Length)
        {
            throw new InvalidOperationException($"the saved state's column '{name}' holds {saved.Length} bytes where this run's state has {bytes.Length}");
        }

        saved.CopyTo(bytes);
    }
}
