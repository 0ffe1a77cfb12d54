namespace Mobility.Engine.State;

using System.Runtime.InteropServices;
using Mobility.Model.Agents;

/// <summary>
/// Asks Linux to back the student columns with transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>; the kernel's
/// default mode here is <c>madvise</c>, so only advised memory gets them). The columns are filled from empty during
/// the spin-up, and on this virtual machine each first touch of a 4 KiB page cost some microseconds: one 2 MiB fault
/// replaces 512 of them. Only the whole 2 MiB pages inside the first slots of a column that the population is
/// expected to fill are advised, so that no huge page is backed for a few slots at the top (a partly used 2 MiB page
/// per column cost some 3.5 bytes per agent at scale 1); the advice changes no value. Elsewhere (or if the call
/// fails) nothing happens.
/// </summary>
internal static class HugePages
{
    private const int AdviseHugePage = 14;
    private const long HugePage = 2 << 20;

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);

    /// <summary>Advises the first <paramref name="slots"/> slots of every column of <paramref name="st"/> (call again after the columns grow).</summary>
    public static void Advise(StudentPopulation st, int slots)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Advise(st.Id, sizeof(int), slots);
        Advise(st.Ability, sizeof(float), slots);
        Advise(st.Resources, sizeof(float), slots);
        Advise(st.Skill, sizeof(float), slots);
        Advise(st.Attitude, sizeof(float), slots);
        Advise(st.Home, sizeof(short), slots);
        Advise(st.Host, sizeof(short), slots);
        Advise(st.Origin, 1, slots);
        Advise(st.Level, 1, slots);
        Advise(st.Status, 1, slots);
        Advise(st.YearInProgramme, 1, slots);
        Advise(st.Funding, 1, slots);
        Advise(st.Obligation, 1, slots);
        Advise(st.AbroadCountry, 1, slots);
        Advise(st.Flags, 1, slots);
    }

    private static void Advise(Array column, int elementSize, int slots)
    {
        long bytes = (long)Math.Min(column.Length, slots) * elementSize;
        if (bytes < 2 * HugePage)
        {
            return;
        }

        // Large arrays are not moved by the garbage collector (the large object heap is not compacted unless asked),
        // so the address stays that of the column; the pin only makes reading it legal.
        var handle = GCHandle.Alloc(column, GCHandleType.Pinned);
        try
        {
            long start = handle.AddrOfPinnedObject();
            long first = (start + HugePage - 1) & ~(HugePage - 1);
            long end = (start + bytes) & ~(HugePage - 1);
            if (end > first)
            {
                try
                {
                    Madvise((nint)first, (nuint)(end - first), AdviseHugePage);
                }
                catch (DllNotFoundException)
                {
                }
                catch (EntryPointNotFoundException)
                {
                }
            }
        }
        finally
        {
            handle.Free();
        }
    }
}
