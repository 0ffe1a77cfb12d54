namespace Mobility.Experiments.Equivalence;

/// <summary>
/// The outcome of the two one-sided tests of one difference (new minus old) against a margin m.
/// </summary>
/// <param name="Difference">The estimated difference new - old.</param>
/// <param name="StandardError">Its standard error (0 when the data have no spread: the difference is then known exactly).</param>
/// <param name="DegreesOfFreedom">Of the t distribution used (n - 1 paired, Welch-Satterthwaite independent).</param>
/// <param name="Low">Lower end of the 1 - 2 alpha (90% at alpha 0.05) confidence interval of the difference.</param>
/// <param name="High">Upper end of that interval.</param>
/// <param name="PLower">p-value of the test of H0: difference &lt;= -m.</param>
/// <param name="PUpper">p-value of the test of H0: difference &gt;= +m.</param>
/// <param name="Equivalent">Both null hypotheses rejected at alpha: the interval lies inside (-m, +m).</param>
public readonly record struct TostResult(
    double Difference, double StandardError, double DegreesOfFreedom, double Low, double High, double PLower, double PUpper, bool Equivalent);
