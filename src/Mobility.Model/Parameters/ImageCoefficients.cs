namespace Mobility.Model.Parameters;

/// <summary>
/// image(o,h) &lt;- (1-lambda)*image + lambda*((1-w)*baseline + w*meanAttitude), w = A/(A + K*pop(o)/1e6),
/// A = o's alumni of h living in o.
/// </summary>
public sealed class ImageCoefficients
{
    public double Lambda { get; set; } = 0.15;

    /// <summary>Alumni per million inhabitants at which alumni carry half the weight.</summary>
    public double K { get; set; } = 2000;

    /// <summary>Initial attitude of a student toward a host = image(o,h) held at home when the stay starts.</summary>
    public bool AttitudeStartsAtImage { get; set; } = true;
}
