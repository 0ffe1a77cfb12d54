namespace Mobility.Engine.Agents;

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Mobility.Engine.Numerics;
using Mobility.Model.Agents;

/// <summary>
/// Removes the students whose flags have a leaving bit from the arrays, keeping the order of the others: in place,
/// one column per thread at a time, with no memory per slot beyond the columns themselves.
/// </summary>
/// <remarks>
/// Each column is one forward pass: a slot that stays is written at or below where it is read, so the pass can
/// work in place, and every slot is read once and written once. With AVX-512 a pass moves 16 (4-byte), 32 (2-byte)
/// or 64 (1-byte) slots per compress instruction, whose mask comes from the flags of the same slots; it stores a
/// whole vector at the write position, which is at or below the slots just read, so it overwrites nothing unread.
/// The flags column decides what stays in every other column, so it is compacted last.
/// </remarks>
internal static class StudentCompaction
{
    /// <summary>The names of the columns <see cref="Run"/> moves (for the completeness test).</summary>
    public static readonly string[] Columns =
    [
        nameof(StudentPopulation.Id), nameof(StudentPopulation.Origin), nameof(StudentPopulation.Home), nameof(StudentPopulation.Host),
        nameof(StudentPopulation.Level), nameof(StudentPopulation.Status), nameof(StudentPopulation.YearInProgramme),
        nameof(StudentPopulation.Funding), nameof(StudentPopulation.Obligation), nameof(StudentPopulation.AbroadCountry),
        nameof(StudentPopulation.Ability), nameof(StudentPopulation.Resources), nameof(StudentPopulation.Skill),
        nameof(StudentPopulation.Attitude), nameof(StudentPopulation.Flags),
    ];

    /// <summary>
    /// Removes the first <c>students.Count</c> slots whose flags have a bit of <paramref name="leaving"/>, clears the
    /// bits <paramref name="clear"/> in the flags of the slots that stay, and sets the new count.
    /// </summary>
    public static void Run(StudentPopulation students, ChunkedParallel parallel, byte leaving, byte clear)
    {
        int count = students.Count;
        // One task per column, the widest first so that the threads end together.
        parallel.Tasks(14, column => CompactColumn(students, column, count, leaving));
        var flags = students.Flags.AsSpan(0, count);
        students.Count = Compact(flags, flags, leaving, (byte)~clear);
    }

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
        Compact(Range(st.Id, into, end), flags, leaving, from);
        Compact(Range(st.Ability, into, end), flags, leaving, from);
        Compact(Range(st.Resources, into, end), flags, leaving, from);
        Compact(Range(st.Skill, into, end), flags, leaving, from);
        Compact(Range(st.Attitude, into, end), flags, leaving, from);
        Compact(HalvesOf(st.Home, into, end), flags, leaving, from);
        Compact(HalvesOf(st.Host, into, end), flags, leaving, from);
        Compact(BytesOf(st.Origin, into, end), flags, leaving, 0xFF, from);
        Compact(BytesOf(st.Level, into, end), flags, leaving, 0xFF, from);
        Compact(BytesOf(st.Status, into, end), flags, leaving, 0xFF, from);
        Compact(BytesOf(st.YearInProgramme, into, end), flags, leaving, 0xFF, from);
        Compact(BytesOf(st.Funding, into, end), flags, leaving, 0xFF, from);
        Compact(BytesOf(st.Obligation, into, end), flags, leaving, 0xFF, from);
        Compact(BytesOf(st.AbroadCountry, into, end), flags, leaving, 0xFF, from);
        return Compact(flags, flags, leaving, 0xFF, from);
    }

    private static Span<uint> Range<T>(T[] column, int from, int end)
        where T : unmanaged => MemoryMarshal.Cast<T, uint>(column.AsSpan(from, end - from));

    private static Span<ushort> HalvesOf<T>(T[] column, int from, int end)
        where T : unmanaged => MemoryMarshal.Cast<T, ushort>(column.AsSpan(from, end - from));

    private static Span<byte> BytesOf<T>(T[] column, int from, int end)
        where T : unmanaged => MemoryMarshal.Cast<T, byte>(column.AsSpan(from, end - from));

    /// <summary>Whether the processor has the compress instructions the vector passes use.</summary>
    public static bool IsVectorised => Avx512F.IsSupported && Avx512BW.IsSupported && Avx512Vbmi2.IsSupported;

    /// <summary>Every column of StudentPopulation but the flags (a test checks that none is missing).</summary>
    private static void CompactColumn(StudentPopulation st, int column, int count, byte leaving)
    {
        var flags = st.Flags.AsSpan(0, count);
        _ = column switch
        {
            0 => Compact(Words(st.Id, count), flags, leaving),
            1 => Compact(Words(st.Ability, count), flags, leaving),
            2 => Compact(Words(st.Resources, count), flags, leaving),
            3 => Compact(Words(st.Skill, count), flags, leaving),
            4 => Compact(Words(st.Attitude, count), flags, leaving),
            5 => Compact(Halves(st.Home, count), flags, leaving),
            6 => Compact(Halves(st.Host, count), flags, leaving),
            7 => Compact(Bytes(st.Origin, count), flags, leaving, 0xFF),
            8 => Compact(Bytes(st.Level, count), flags, leaving, 0xFF),
            9 => Compact(Bytes(st.Status, count), flags, leaving, 0xFF),
            10 => Compact(Bytes(st.YearInProgramme, count), flags, leaving, 0xFF),
            11 => Compact(Bytes(st.Funding, count), flags, leaving, 0xFF),
            12 => Compact(Bytes(st.Obligation, count), flags, leaving, 0xFF),
            13 => Compact(Bytes(st.AbroadCountry, count), flags, leaving, 0xFF),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, "no such column"),
        };
    }

    private static Span<uint> Words<T>(T[] column, int count)
        where T : unmanaged => MemoryMarshal.Cast<T, uint>(column.AsSpan(0, count));

    private static Span<ushort> Halves<T>(T[] column, int count)
        where T : unmanaged => MemoryMarshal.Cast<T, ushort>(column.AsSpan(0, count));

    private static Span<byte> Bytes<T>(T[] column, int count)
        where T : unmanaged => MemoryMarshal.Cast<T, byte>(column.AsSpan(0, count));

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
