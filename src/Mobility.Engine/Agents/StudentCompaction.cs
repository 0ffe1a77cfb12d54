namespace Mobility.Engine.Agents;

using System.Runtime.InteropServices;
using Mobility.Engine.Core;
using Mobility.Model.Agents;

/// <summary>
/// Removes the students whose flags carry any of a set of bits, keeping the order of the others, in parallel:
/// every chunk knows how many of its slots stay, so it knows where they go. Each column is gathered into one
/// scratch column and copied back, so the extra memory is one column (4 bytes a slot), not a second population.
/// </summary>
internal sealed class StudentCompaction
{
    private readonly ChunkedParallel parallel;
    private int[] offsets = [];
    private byte[] scratch = [];
    private byte removeMask;

    public StudentCompaction(ChunkedParallel parallel)
    {
        this.parallel = parallel;
    }

    /// <summary>Bytes of scratch held between years (one column of the widest element).</summary>
    public long ScratchBytes => scratch.LongLength;

    /// <summary>
    /// Compacts the first <c>students.Count</c> slots given, for every chunk, the number of slots that stay
    /// (<paramref name="keptPerChunk"/>); sets the new count.
    /// </summary>
    public void Run(StudentPopulation students, byte mask, int[] keptPerChunk)
    {
        int count = students.Count;
        int chunks = ChunkedParallel.ChunkCount(count);
        if (offsets.Length < chunks + 1)
        {
            offsets = new int[chunks + 1];
        }

        for (int c = 0; c < chunks; c++)
        {
            offsets[c + 1] = offsets[c] + keptPerChunk[c];
        }

        int kept = offsets[chunks];
        if (kept == count)
        {
            return;
        }

        long needed = ((long)count + chunks) * sizeof(int);
        if (scratch.Length < needed)
        {
            scratch = new byte[Math.Max(needed, ((long)students.Id.Length + chunks) * sizeof(int))];
        }

        removeMask = mask;

        // Every column of StudentPopulation (a test checks that none is missing); Flags last, since the gathers read it.
        Gather(students.Id, students.Flags, count);
        Gather(students.Origin, students.Flags, count);
        Gather(students.Home, students.Flags, count);
        Gather(students.Host, students.Flags, count);
        Gather(students.Level, students.Flags, count);
        Gather(students.Status, students.Flags, count);
        Gather(students.YearInProgramme, students.Flags, count);
        Gather(students.Funding, students.Flags, count);
        Gather(students.Obligation, students.Flags, count);
        Gather(students.AbroadCountry, students.Flags, count);
        Gather(students.Ability, students.Flags, count);
        Gather(students.Resources, students.Flags, count);
        Gather(students.Skill, students.Flags, count);
        Gather(students.Attitude, students.Flags, count);
        Gather(students.Flags, students.Flags, count);
        students.Count = kept;
    }

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
    /// Chunk c gathers its kept slots into scratch from <c>start + c</c> on, branch-free (every slot is written and the
    /// write position moves only past kept ones, so a removed slot's value is overwritten by the next kept one or lands
    /// on the chunk's one spare element); the chunks' runs are then copied back to their final offsets.
    /// </summary>
    private void Gather<T>(T[] column, byte[] flags, int count)
        where T : unmanaged
    {
        byte mask = removeMask;
        parallel.For(count, (chunk, start, end) =>
        {
            var target = MemoryMarshal.Cast<byte, T>(scratch.AsSpan()).Slice(start + chunk, end - start + 1);
            var source = column.AsSpan(start, end - start);
            var flagsHere = flags.AsSpan(start, end - start);
            int write = 0;
            for (int i = 0; i < source.Length; i++)
            {
                target[write] = source[i];
                write += ((flagsHere[i] & mask) - 1) >>> 31;
            }
        });
        parallel.For(count, (chunk, start, end) =>
        {
            int from = offsets[chunk];
            int length = offsets[chunk + 1] - from;
            MemoryMarshal.Cast<byte, T>(scratch.AsSpan()).Slice(start + chunk, length).CopyTo(column.AsSpan(from, length));
        });
    }
}
