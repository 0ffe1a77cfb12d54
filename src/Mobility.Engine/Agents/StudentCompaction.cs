namespace Mobility.Engine.Agents;

using System.Runtime.InteropServices;
using Mobility.Engine.Core;
using Mobility.Model.Agents;

/// <summary>
/// Removes students from the arrays, keeping the order of the others, in parallel. The pass that decides who
/// leaves records, for every chunk, the positions of the slots that stay (<see cref="KeptPositions"/>, relative to the
/// chunk's start) and their number; every chunk then knows where its slots go. Each column is gathered into one
/// scratch column and copied back, so the extra memory is one column (4 bytes a slot) plus the 2-byte positions,
/// not a second population.
/// </summary>
internal sealed class StudentCompaction
{
    private readonly ChunkedParallel parallel;
    private int[] offsets = [];
    private int[] kept = [];
    private byte[] scratch = [];

    public StudentCompaction(ChunkedParallel parallel)
    {
        this.parallel = parallel;
    }

    /// <summary>
    /// For chunk c, the slots that stay are start + KeptPositions[start + k] for k below the chunk's kept count
    /// (chunks are at most 65536 slots, so a position fits in 16 bits).
    /// </summary>
    public ushort[] KeptPositions { get; private set; } = [];

    /// <summary>Bytes of scratch held between years.</summary>
    public long ScratchBytes => scratch.LongLength + (KeptPositions.LongLength * sizeof(ushort));

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
    /// Makes room for the positions of <paramref name="count"/> slots, before the deciding pass. The positions are
    /// sized to the population's <paramref name="capacity"/> at once, as the scratch column is, so that a growing
    /// population does not leave a trail of smaller arrays behind it.
    /// </summary>
    public void Prepare(int count, int capacity)
    {
        if (KeptPositions.Length < count)
        {
            // Written by the deciding pass before they are read; uninitialised, the unused tail takes no memory.
            KeptPositions = GC.AllocateUninitializedArray<ushort>(Math.Max(count, capacity));
        }

        int chunks = ChunkedParallel.ChunkCount(count);
        if (kept.Length < chunks)
        {
            kept = new int[chunks];
            offsets = new int[chunks + 1];
        }
    }

    /// <summary>Records that chunk <paramref name="chunk"/> keeps <paramref name="count"/> slots (called by the deciding pass).</summary>
    public void SetKept(int chunk, int count) => kept[chunk] = count;

    /// <summary>Compacts the first <c>students.Count</c> slots and sets the new count.</summary>
    public void Run(StudentPopulation students)
    {
        int count = students.Count;
        int chunks = ChunkedParallel.ChunkCount(count);
        for (int c = 0; c < chunks; c++)
        {
            offsets[c + 1] = offsets[c] + kept[c];
        }

        int total = offsets[chunks];
        if (total == count)
        {
            return;
        }

        if (scratch.Length < (long)total * sizeof(int))
        {
            scratch = GC.AllocateUninitializedArray<byte>(checked((int)(Math.Max((long)total, students.Id.Length) * sizeof(int))));
        }

        // Every column of StudentPopulation (a test checks that none is missing).
        Gather(students.Id, count, total);
        Gather(students.Origin, count, total);
        Gather(students.Home, count, total);
        Gather(students.Host, count, total);
        Gather(students.Level, count, total);
        Gather(students.Status, count, total);
        Gather(students.YearInProgramme, count, total);
        Gather(students.Funding, count, total);
        Gather(students.Obligation, count, total);
        Gather(students.AbroadCountry, count, total);
        Gather(students.Ability, count, total);
        Gather(students.Resources, count, total);
        Gather(students.Skill, count, total);
        Gather(students.Attitude, count, total);
        Gather(students.Flags, count, total);
        students.Count = total;
    }

    private void Gather<T>(T[] column, int count, int total)
        where T : unmanaged
    {
        var positions = KeptPositions;
        parallel.For(count, (chunk, start, end) =>
        {
            var target = MemoryMarshal.Cast<byte, T>(scratch.AsSpan()).Slice(offsets[chunk], kept[chunk]);
            var source = column.AsSpan(start, end - start);
            var local = positions.AsSpan(start, target.Length);
            for (int k = 0; k < local.Length; k++)
            {
                target[k] = source[local[k]];
            }
        });
        parallel.For(total, (_, start, end) =>
            MemoryMarshal.Cast<byte, T>(scratch.AsSpan()).Slice(start, end - start).CopyTo(column.AsSpan(start, end - start)));
    }
}
