namespace Mobility.Model.Agents;

/// <summary>Grows the columns of a struct-of-arrays population, keeping the existing rows.</summary>
internal static class ArrayGrowth
{
    /// <summary>
    /// A new column of <paramref name="size"/> rows holding the first <paramref name="used"/> rows of
    /// <paramref name="array"/>; the other rows are undefined (every row is fully written when it is taken).
    /// </summary>
    /// <remarks>
    /// Neither copying nor zeroing touches the unused rows, so until the population grows into them the operating
    /// system backs them with no memory. (A zeroed array would be cleared row by row whenever the runtime reuses
    /// memory, e.g. on the second run in a process, making all the spare capacity resident.)
    /// </remarks>
    public static T[] Grow<T>(T[] array, int size, int used)
        where T : unmanaged
    {
        var grown = GC.AllocateUninitializedArray<T>(size);
        Array.Copy(array, grown, Math.Min(used, size));
        return grown;
    }
}
