namespace Mobility.Engine.Agents;

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Mobility.Model.Agents;

/// <summary>
/// Removes the students whose flags have a leaving bit from the arrays, keeping the order of the others: in place,
/// a range of slots at a time (the study pass moves each chunk right after studying it, <see cref="Phases.Study"/>),
/// with no memory per slot beyond the columns themselves.
/// </summary>
/// <remarks>
/// Each column of a range is one forward pass: a slot that stays is written at or below where it is read, so the
/// pass can work in place, and every slot is read once and written once. With AVX-512 a pass moves 16 (4-byte), 32 (2-byte)
/// or 64 (1-byte) slots per compress instruction, whose mask comes from the flags of the same slots; it stores a
/// whole vector at the write position, which is at or below the slots just read, so it overwrites nothing unread.
/// The flags column decides what stays in every other column, so it is compacted last.
/// </remarks>
internal static class StudentCompaction
{
    /// <summary>The names of the columns <see cref="CompactRange"/> moves (for the completeness test).</summary>
    public static readonly string[] Columns =
    [
        nameof(StudentPopulation.Id), nameof(StudentPopulation.Origin), nameof(StudentPopulation.Home), nameof(StudentPopulation.Host),
        nameof(StudentPopulation.Level), nameof(StudentPopulation.Status), nameof(StudentPopulation.YearInProgramme),
        nameof(StudentPopulation.Funding), nameof(StudentPopulation.Obligation), nameof(StudentPopulation.AbroadCountry),
        nameof(StudentPopulation.Ability), nameof(StudentPopulation.Resources), nameof(StudentPopulation.Skill),
        nameof(StudentPopulation.Attitude), nameof(StudentPopulation.Flags),
    ];

    /// <summary>
    /// Moves the slots of [<paramref name="start"/>, <paramref name="end"/>) that have no <paramref name="leaving"/>
    /// bit in their flags to [<paramref name="into"/>, <paramref name="into"/> + kept), in order, every column, the
    /// flags last; returns kept. The slots [<paramref name="into"/>, <paramref name="start"/>) must be free to
    /// overwrite (already moved or left), and nothing at or after <paramref name="end"/> is read or written, so another
    /// thread may be working there.
    /// </summary>
    public static int CompactRange(StudentPopulation st, int into, int start, int end, byte leaving)
    {
        int from = start - into;
        var flags = st.Flags.AsSpan(into, end - into);
        Compact(Words(st.Id, into, end), flags, leaving, from);
        Compact(Words(st.Ability, into, end), flags, leaving, from);
        Compact(Words(st.Resources, into, end), flags, leaving, from);
        Compact(Words(st.Skill, into, end), flags, leaving, from);
        Compact(Words(st.Attitude, into, end), flags, leaving, from);
        Compact(Halves(st.Home, into, end), flags, leaving, from);
        Compact(Halves(st.Host, into, end), flags, leaving, from);
        Compact(Bytes(st.Origin, into, end), flags, leaving, 0xFF, from);
        Compact(Bytes(st.Level, into, end), flags, leaving, 0xFF, from);
        Compact(Bytes(st.Status, into, end), flags, leaving, 0xFF, from);
        Compact(Bytes(st.YearInProgramme, into, end), flags, leaving, 0xFF, from);
        Compact(Bytes(st.Funding, into, end), flags, leaving, 0xFF, from);
        Compact(Bytes(st.Obligation, into, end), flags, leaving, 0xFF, from);
        Compact(Bytes(st.AbroadCountry, into, end), flags, leaving, 0xFF, from);
        return Compact(flags, flags, leaving, 0xFF, from);
    }

    private static Span<uint> Words<T>(T[] column, int from, int end)
        where T : unmanaged => MemoryMarshal.Cast<T, uint>(column.AsSpan(from, end - from));

    private static Span<ushort> Halves<T>(T[] column, int from, int end)
        where T : unmanaged => MemoryMarshal.Cast<T, ushort>(column.AsSpan(from, end - from));

    private static Span<byte> Bytes<T>(T[] column, int from, int end)
        where T : unmanaged => MemoryMarshal.Cast<T, byte>(column.AsSpan(from, end - from));

    /// <summary>Whether the processor has the compress instructions the vector passes use.</summary>
    public static bool IsVectorised => Avx512F.IsSupported && Avx512BW.IsSupported && Avx512Vbmi2.IsSupported;

    /// <summary>
    /// Moves the slots from <paramref name="from"/> on whose flags have no <paramref name="leaving"/> bit to the front,
    /// in order; returns their number. The slots before <paramref name="from"/> are neither read nor kept: they are the
    /// room the kept ones move into (<see cref="CompactRange"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a few calls a year: fully optimised from the first
    internal static int Compact(Span<uint> column, ReadOnlySpan<byte> flags, byte leaving, int from = 0)
    {
        int n = column.Length, i = from, kept = 0;
        if (IsVectorised)
        {
            ref uint values = ref MemoryMarshal.GetReference(column);
            ref byte flag = ref MemoryMarshal.GetReference(flags);
            var leave = Vector512.Create((uint)leaving);
            for (; i + 16 <= n; i += 16)
            {
                var stays = Vector512.Equals(Avx512F.ConvertToVector512UInt32(Vector128.LoadUnsafe(ref flag, (nuint)i)) & leave, Vector512<uint>.Zero);
                Avx512F.Compress(Vector512<uint>.Zero, stays, Vector512.LoadUnsafe(ref values, (nuint)i)).StoreUnsafe(ref values, (nuint)kept);
                kept += BitOperations.PopCount(stays.ExtractMostSignificantBits());
            }
        }

        return CompactTail(column, flags, leaving, i, kept);
    }

    /// <inheritdoc cref="Compact(Span{uint}, ReadOnlySpan{byte}, byte, int)"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a few calls a year: fully optimised from the first
    internal static int Compact(Span<ushort> column, ReadOnlySpan<byte> flags, byte leaving, int from = 0)
    {
        int n = column.Length, i = from, kept = 0;
        if (IsVectorised)
        {
            ref ushort values = ref MemoryMarshal.GetReference(column);
            ref byte flag = ref MemoryMarshal.GetReference(flags);
            var leave = Vector512.Create((ushort)leaving);
            for (; i + 32 <= n; i += 32)
            {
                var stays = Vector512.Equals(Avx512BW.ConvertToVector512UInt16(Vector256.LoadUnsafe(ref flag, (nuint)i)) & leave, Vector512<ushort>.Zero);
                Avx512Vbmi2.Compress(Vector512<ushort>.Zero, stays, Vector512.LoadUnsafe(ref values, (nuint)i)).StoreUnsafe(ref values, (nuint)kept);
                kept += BitOperations.PopCount(stays.ExtractMostSignificantBits());
            }
        }

        return CompactTail(column, flags, leaving, i, kept);
    }

    /// <summary>
    /// The same for a byte column, whose kept values are also masked with <paramref name="keepBits"/> (which clears
    /// bits of the flags column when it is compacted onto itself, last).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a few calls a year: fully optimised from the first
    internal static int Compact(Span<byte> column, ReadOnlySpan<byte> flags, byte leaving, byte keepBits, int from = 0)
    {
        int n = column.Length, i = from, kept = 0;
        if (IsVectorised)
        {
            ref byte values = ref MemoryMarshal.GetReference(column);
            ref byte flag = ref MemoryMarshal.GetReference(flags);
            var leave = Vector512.Create(leaving);
            var bits = Vector512.Create(keepBits);
            for (; i + 64 <= n; i += 64)
            {
                // Both loads before the store: for the flags column, flags and values are the same memory.
                var stays = Vector512.Equals(Vector512.LoadUnsafe(ref flag, (nuint)i) & leave, Vector512<byte>.Zero);
                var value = Vector512.LoadUnsafe(ref values, (nuint)i) & bits;
                Avx512Vbmi2.Compress(Vector512<byte>.Zero, stays, value).StoreUnsafe(ref values, (nuint)kept);
                kept += BitOperations.PopCount(stays.ExtractMostSignificantBits());
            }
        }

        for (; i < column.Length; i++)
        {
            // Read the flag before the write: the write may land on it when the column is the flags.
            bool stays = (flags[i] & leaving) == 0;
            column[kept] = (byte)(column[i] & keepBits);
            kept += stays ? 1 : 0;
        }

        return kept;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CompactTail<T>(Span<T> column, ReadOnlySpan<byte> flags, byte leaving, int from, int kept)
    {
        for (int i = from; i < column.Length; i++)
        {
            column[kept] = column[i];
            kept += (flags[i] & leaving) == 0 ? 1 : 0;
        }

        return kept;
    }
}
