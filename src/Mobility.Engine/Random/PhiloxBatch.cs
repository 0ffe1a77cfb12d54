namespace Mobility.Engine.Random;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

/// <summary>
/// The first Philox4x32-10 block (block counter 0) of many entities' streams for one (year, purpose) at once,
/// eight entities per AVX-512 instruction where the processor has it, else one at a time. Bit-identical to
/// <see cref="Philox4x32.Generate"/>: a phase that needs at most four draws per agent (most do) then needs no
/// scalar Philox call at all (<see cref="RandomStream(ulong, uint, int, Purpose, uint, uint, uint, uint, uint)"/>).
/// </summary>
public static class PhiloxBatch
{
    /// <summary>Entities per call that the phases use (stack buffers of this size).</summary>
    public const int Size = 256;

    private const uint M0 = 0xD2511F53;
    private const uint M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9;
    private const uint W1 = 0xBB67AE85;

    /// <summary>Whether the vector path is in use (for the benchmarks and the documentation).</summary>
    public static bool IsVectorised => Avx512F.IsSupported;

    /// <summary>
    /// Writes block 0 of the stream (seed, ids[j], year, purpose) into r0[j]..r3[j]; the spans are at least as long as
    /// <paramref name="ids"/>.
    /// </summary>
    public static void FirstBlocks(ulong seed, int year, Purpose purpose, ReadOnlySpan<int> ids, Span<uint> r0, Span<uint> r1, Span<uint> r2, Span<uint> r3)
        => Blocks(seed, year, purpose, 0, ids, r0, r1, r2, r3);

    /// <summary>
    /// Writes block <paramref name="counter"/> of the stream (seed, ids[j], year, purpose) into r0[j]..r3[j] (e.g. the
    /// block 0xFFFFFFFF that <see cref="RandomStream.Hash"/> uses).
    /// </summary>
    public static void Blocks(ulong seed, int year, Purpose purpose, uint counter, ReadOnlySpan<int> ids, Span<uint> r0, Span<uint> r1, Span<uint> r2, Span<uint> r3)
    {
        int n = ids.Length;
        if (r0.Length < n || r1.Length < n || r2.Length < n || r3.Length < n)
        {
            throw new ArgumentException("output spans shorter than the ids");
        }

        uint k0 = (uint)seed;
        uint k1 = (uint)(seed >> 32);
        int j = 0;
        if (Avx512F.IsSupported && n >= 8)
        {
            j = Vector512Blocks(k0, k1, (uint)year, (uint)purpose, counter, ids, r0, r1, r2, r3);
        }

        for (; j < n; j++)
        {
            Philox4x32.Generate((uint)ids[j], (uint)year, (uint)purpose, counter, k0, k1, out r0[j], out r1[j], out r2[j], out r3[j]);
        }
    }

    /// <summary>The same for the consecutive ids firstId .. firstId + count - 1.</summary>
    public static void FirstBlocks(ulong seed, int year, Purpose purpose, int firstId, int count, Span<uint> r0, Span<uint> r1, Span<uint> r2, Span<uint> r3)
        => Blocks(seed, year, purpose, 0, firstId, count, r0, r1, r2, r3);

    /// <summary>Block <paramref name="counter"/> for the consecutive ids firstId .. firstId + count - 1.</summary>
    public static void Blocks(ulong seed, int year, Purpose purpose, uint counter, int firstId, int count, Span<uint> r0, Span<uint> r1, Span<uint> r2, Span<uint> r3)
    {
        Span<int> ids = stackalloc int[Size];
        for (int done = 0; done < count; done += Size)
        {
            int length = Math.Min(Size, count - done);
            for (int k = 0; k < length; k++)
            {
                ids[k] = firstId + done + k;
            }

            Blocks(seed, year, purpose, counter, ids[..length], r0[done..], r1[done..], r2[done..], r3[done..]);
        }
    }

    /// <summary>Eight streams per iteration: the 32-bit words live in the low halves of 64-bit lanes (vpmuludq).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Vector512Blocks(uint k0, uint k1, uint year, uint purpose, uint counter, ReadOnlySpan<int> ids, Span<uint> r0, Span<uint> r1, Span<uint> r2, Span<uint> r3)
    {
        var m0 = Vector512.Create((ulong)M0).AsUInt32();
        var m1 = Vector512.Create((ulong)M1).AsUInt32();
        Span<ulong> key0 = stackalloc ulong[10];
        Span<ulong> key1 = stackalloc ulong[10];
        for (int round = 0; round < 10; round++)
        {
            key0[round] = k0 + (uint)(round * W0);
            key1[round] = k1 + (uint)(round * W1);
        }

        var years = Vector512.Create((ulong)year);
        var purposes = Vector512.Create((ulong)purpose);
        var counters = Vector512.Create((ulong)counter);
        ref uint idBase = ref Unsafe.As<int, uint>(ref MemoryMarshal.GetReference(ids));
        int n = ids.Length;
        int j = 0;
        for (; j + 8 <= n; j += 8)
        {
            var c0 = Avx512F.ConvertToVector512UInt64(Vector256.LoadUnsafe(ref idBase, (nuint)j));
            var c1 = years;
            var c2 = purposes;
            var c3 = counters;
            for (int round = 0; round < 10; round++)
            {
                var p0 = Avx512F.Multiply(c0.AsUInt32(), m0);
                var p1 = Avx512F.Multiply(c2.AsUInt32(), m1);
                var n0 = Vector512.ShiftRightLogical(p1, 32) ^ c1 ^ Vector512.Create(key0[round]);
                var n2 = Vector512.ShiftRightLogical(p0, 32) ^ c3 ^ Vector512.Create(key1[round]);
                c1 = p1;
                c3 = p0;
                c0 = n0;
                c2 = n2;
            }

            // Only the low 32 bits of each lane are the generator's words; the narrowing drops the rest.
            Avx512F.ConvertToVector256UInt32(c0).StoreUnsafe(ref MemoryMarshal.GetReference(r0), (nuint)j);
            Avx512F.ConvertToVector256UInt32(c1).StoreUnsafe(ref MemoryMarshal.GetReference(r1), (nuint)j);
            Avx512F.ConvertToVector256UInt32(c2).StoreUnsafe(ref MemoryMarshal.GetReference(r2), (nuint)j);
            Avx512F.ConvertToVector256UInt32(c3).StoreUnsafe(ref MemoryMarshal.GetReference(r3), (nuint)j);
        }

        return j;
    }
}
