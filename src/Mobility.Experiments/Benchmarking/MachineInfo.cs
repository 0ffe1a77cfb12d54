namespace Mobility.Experiments.Benchmarking;

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

/// <summary>The machine a benchmark ran on.</summary>
public sealed record MachineInfo
{
    public required int LogicalCores { get; init; }

    public required string CpuModel { get; init; }

    public required string Os { get; init; }

    public required string Runtime { get; init; }

    public required string Architecture { get; init; }

    public required int VectorBits { get; init; }

    public required long TotalMemoryBytes { get; init; }

    /// <summary>Describes this machine; <paramref name="cpuModel"/> comes from the caller (reading it is file I/O).</summary>
    public static MachineInfo Current(string cpuModel) => new()
    {
        LogicalCores = Environment.ProcessorCount,
        CpuModel = cpuModel,
        Os = RuntimeInformation.OSDescription,
        Runtime = RuntimeInformation.FrameworkDescription,
        Architecture = RuntimeInformation.ProcessArchitecture.ToString(),
        VectorBits = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128,
        TotalMemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
    };
}
