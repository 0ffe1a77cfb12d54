namespace Mobility.Input.Priors;

/// <summary>A priors file as written (see docs/uncertainty.md): a description and the list of priors.</summary>
public sealed class PriorsFile
{
    public string? Description { get; set; }

    public List<PriorEntryFile> Priors { get; set; } = [];
}
