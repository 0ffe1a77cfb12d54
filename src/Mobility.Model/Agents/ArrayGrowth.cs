namespace Mobility.Model.Agents;

/// <summary>Grows the columns of a struct-of-arrays population, keeping the existing rows.</summary>
internal static class ArrayGrowth
{
    public static T[] Grow<T>(T[] array, int size)
    {
        var grown = new T[size];
        Array.Copy(array, grown, Math.Min(array.Length, size));
        return grown;
    }
}
