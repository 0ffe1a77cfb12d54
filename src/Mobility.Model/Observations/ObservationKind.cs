namespace Mobility.Model.Observations;

/// <summary>What an observation counts: students enrolled (a stock) or new departures (a flow).</summary>
public enum ObservationKind
{
    Stock,
    Flow,
}
