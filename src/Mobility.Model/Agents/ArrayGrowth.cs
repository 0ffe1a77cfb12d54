namespace Mobility.Model.Agents;

/// <summary>Grows the columns of a struct-of-arrays population, keeping the existing rows.</summary>
internal static class ArrayGrowth
{
    /// <summary>
    /// A new column of <paramref name="size"/> rows holding the first <paramref name="used"/> rows of
    /// <paramref name="array"/>. Only the used rows are copied: the rest of a fresh array is never written until a
    /// row is taken, so the operating system does not back it with memory.
    /// </summary>
    public static T[] Grow<T>(T[] array, int size, int used)
    {
        var grown = new T[size];
        Array.Copy(array, grown, Math.Min(used, size));
        return grown;
    }
}
