namespace Mobility.Model.Policies;

using Mobility.Model.World;

/// <summary>A university a lever adds to the world before the run (a branch campus), active from <paramref name="Opens"/>.</summary>
public sealed record OpenedUniversity(University University, int Opens);
