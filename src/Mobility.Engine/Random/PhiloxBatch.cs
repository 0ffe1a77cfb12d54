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

    /// <summary>
    /// Sixteen streams per iteration, in two independent vectors of eight (x and y) whose rounds interleave: one vector's
    /// chain of ten dependent multiplications would leave the multipliers idle. The 32-bit words live in the low halves
    /// of 64-bit lanes (vpmuludq). Words c1, c2 and c3 of the counter (year, purpose, block) are the same in every
    /// stream, so round 0's new c0 and c1 are constants, and so is round 1's product of c0: those are computed once.
    /// Eight streams left over take the plain ten rounds; the caller does the rest one at a time.
    /// </summary>
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

        // Round 0: p1 = M1 * purpose, c0 = hi(p1) ^ year ^ key0, c1 = lo(p1); only c2 = hi(M0 * id) ^ counter ^ key1
        // and c3 = lo(M0 * id) differ between streams. Round 1: p0 = M0 * c0 is a constant.
        ulong roundZeroP1 = (ulong)M1 * purpose;
        uint roundOneC0 = (uint)(roundZeroP1 >> 32) ^ year ^ (uint)key0[0];
        ulong roundOneP0 = (ulong)M0 * roundOneC0;
        var counterKey = Vector512.Create((ulong)(counter ^ (uint)key1[0]));
        var c1Key = Vector512.Create((ulong)((uint)roundZeroP1 ^ (uint)key0[1]));
        var c2Term = Vector512.Create((ulong)((uint)(roundOneP0 >> 32) ^ (uint)key1[1]));
        var c3AfterTwo = Vector512.Create((ulong)(uint)roundOneP0);
        ref uint idBase = ref Unsafe.As<int, uint>(ref MemoryMarshal.GetReference(ids));
        ref uint o0 = ref MemoryMarshal.GetReference(r0);
        ref uint o1 = ref MemoryMarshal.GetReference(r1);
        ref uint o2 = ref MemoryMarshal.GetReference(r2);
        ref uint o3 = ref MemoryMarshal.GetReference(r3);
        int n = ids.Length;
        int j = 0;
        for (; j + 16 <= n; j += 16)
        {
            // Round 0 (c2, c3), then round 1 (c0, c1, c2; c3 is the constant).
            var xq0 = Avx512F.Multiply(Avx512F.ConvertToVector512UInt64(Vector256.LoadUnsafe(ref idBase, (nuint)j)).AsUInt32(), m0);
            var yq0 = Avx512F.Multiply(Avx512F.ConvertToVector512UInt64(Vector256.LoadUnsafe(ref idBase, (nuint)(j + 8))).AsUInt32(), m0);
            var xq1 = Avx512F.Multiply((Vector512.ShiftRightLogical(xq0, 32) ^ counterKey).AsUInt32(), m1);
            var yq1 = Avx512F.Multiply((Vector512.ShiftRightLogical(yq0, 32) ^ counterKey).AsUInt32(), m1);
            var xc0 = Vector512.ShiftRightLogical(xq1, 32) ^ c1Key;
            var yc0 = Vector512.ShiftRightLogical(yq1, 32) ^ c1Key;
            var xc1 = xq1;
            var yc1 = yq1;
            var xc2 = c2Term ^ xq0;
            var yc2 = c2Term ^ yq0;
            var xc3 = c3AfterTwo;
            var yc3 = c3AfterTwo;
            for (int round = 2; round < 10; round++)
            {
                var roundKey0 = Vector512.Create(key0[round]);
                var roundKey1 = Vector512.Create(key1[round]);
                var xp0 = Avx512F.Multiply(xc0.AsUInt32(), m0);
                var yp0 = Avx512F.Multiply(yc0.AsUInt32(), m0);
                var xp1 = Avx512F.Multiply(xc2.AsUInt32(), m1);
                var yp1 = Avx512F.Multiply(yc2.AsUInt32(), m1);
                xc0 = Vector512.ShiftRightLogical(xp1, 32) ^ xc1 ^ roundKey0;
                yc0 = Vector512.ShiftRightLogical(yp1, 32) ^ yc1 ^ roundKey0;
                xc2 = Vector512.ShiftRightLogical(xp0, 32) ^ xc3 ^ roundKey1;
                yc2 = Vector512.ShiftRightLogical(yp0, 32) ^ yc3 ^ roundKey1;
                xc1 = xp1;
                yc1 = yp1;
                xc3 = xp0;
                yc3 = yp0;
            }

            // Only the low 32 bits of each lane are the generator's words; the narrowing drops the rest.
            Avx512F.ConvertToVector256UInt32(xc0).StoreUnsafe(ref o0, (nuint)j);
            Avx512F.ConvertToVector256UInt32(yc0).StoreUnsafe(ref o0, (nuint)(j + 8));
            Avx512F.ConvertToVector256UInt32(xc1).StoreUnsafe(ref o1, (nuint)j);
            Avx512F.ConvertToVector256UInt32(yc1).StoreUnsafe(ref o1, (nuint)(j + 8));
            Avx512F.ConvertToVector256UInt32(xc2).StoreUnsafe(ref o2, (nuint)j);
            Avx512F.ConvertToVector256UInt32(yc2).StoreUnsafe(ref o2, (nuint)(j + 8));
            Avx512F.ConvertToVector256UInt32(xc3).StoreUnsafe(ref o3, (nuint)j);
            Avx512F.ConvertToVector256UInt32(yc3).StoreUnsafe(ref o3, (nuint)(j + 8));
        }

        if (j + 8 <= n)
        {
            var c0 = Avx512F.ConvertToVector512UInt64(Vector256.LoadUnsafe(ref idBase, (nuint)j));
            var c1 = Vector512.Create((ulong)year);
            var c2 = Vector512.Create((ulong)purpose);
            var c3 = Vector512.Create((ulong)counter);
            for (int round = 0; round < 10; round++)
            {
                var p0 = Avx512F.Multiply(c0.AsUInt32(), m0);
                var p1 = Avx512F.Multiply(c2.AsUInt32(), m1);
                c0 = Vector512.ShiftRightLogical(p1, 32) ^ c1 ^ Vector512.Create(key0[round]);
                c2 = Vector512.ShiftRightLogical(p0, 32) ^ c3 ^ Vector512.Create(key1[round]);
                c1 = p1;
                c3 = p0;
            }

            Avx512F.ConvertToVector256UInt32(c0).StoreUnsafe(ref o0, (nuint)j);
            Avx512F.ConvertToVector256UInt32(c1).StoreUnsafe(ref o1, (nuint)j);
            Avx512F.ConvertToVector256UInt32(c2).StoreUnsafe(ref o2, (nuint)j);
            Avx512F.ConvertToVector256UInt32(c3).StoreUnsafe(ref o3, (nuint)j);
            j += 8;
        }

        return j;
    }
}
