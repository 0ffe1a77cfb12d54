namespace Mobility.Experiments.Calibration;

/// <summary>
/// Which choice a pair constant enters, as Berry's inversion keeps one constant per product segment: the degree
/// choice (<c>choice:pairShift</c>, every degree seeker, hence also credit and scholarship tables, which share V), the
/// credit-stay choice only (<c>creditMobility:pairShift</c>), or the national-scholarship holders' choice only
/// (<c>choice:scholarshipPairShift</c>).
/// </summary>
public enum PairSegment
{
    Degree,
    Credit,
    Scholarship,
}
