namespace Mobility.Engine.Kernel;

/// <summary>Reported after each simulated year.</summary>
public readonly record struct YearProgress(int Year, int YearsDone, int YearsTotal, bool IsSpinUp, long ActiveAgents);
