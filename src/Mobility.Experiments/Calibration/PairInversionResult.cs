namespace Mobility.Experiments.Calibration;

using Mobility.Model.Observations;

/// <summary>The pair constants after the inversion, the fit they give and the fit at the start, the iteration log, and the targets behind each fitted constant.</summary>
public sealed record PairInversionResult(
    IReadOnlyDictionary<CountryPair, double> Constants,
    Fit Fit,
    Fit Initial,
    IReadOnlyList<PairInversionStep> Log,
    IReadOnlyDictionary<CountryPair, IReadOnlyList<Observation>> Evidence);
