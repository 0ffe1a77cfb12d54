namespace Mobility.Engine.State;

using System.Runtime.InteropServices;
using Mobility.Model.Agents;

/// <summary>
/// Asks Linux to back the student columns with transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>; the kernel's
/// default mode here is <c>madvise</c>, so only advised memory gets them). The columns are filled from empty during
/// the spin-up, and on this virtual machine each first touch of a 4 KiB page cost some microseconds: one 2 MiB fault
/// replaces 512 of them. Only the whole 2 MiB pages inside a column are advised; the advice changes no value.
/// Elsewhere (or if the call fails) nothing happens.
/// </summary>
internal static class HugePages
{
    private const int AdviseHugePage = 14;
    private const long HugePage = 2 << 20;

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);

    /// <summary>Advises every column of <paramref name="st"/> (call again after the columns grow).</summary>
    public static void Advise(StudentPopulation st)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Advise(st.Id, sizeof(int));
        Advise(st.Ability, sizeof(float));
        Advise(st.Resources, sizeof(float));
        Advise(st.Skill, sizeof(float));
        Advise(st.Attitude, sizeof(float));
        Advise(st.Home, sizeof(short));
        Advise(st.Host, sizeof(short));
        Advise(st.Origin, 1);
        Advise(st.Level, 1);
        Advise(st.Status, 1);
        Advise(st.YearInProgramme, 1);
        Advise(st.Funding, 1);
        Advise(st.Obligation, 1);
        Advise(st.AbroadCountry, 1);
        Advise(st.Flags, 1);
    }

    private static void Advise(Array column, int elementSize)
    {
        long bytes = (long)column.Length * elementSize;
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
