namespace Mobility.Model.Parameters;

/// <summary>
/// A graduate abroad returns home with probability
/// sigmoid(g0 + gWage*ln(wage(o)/wage(h)) + gObligation*[obligation] - gPsw*postStudyWork(h) + gRegion*[same region]).
/// </summary>
public sealed class GraduationCoefficients
{
    public double G0 { get; set; } = 0.8;

    public double GWage { get; set; } = 0.8;

    public double GObligation { get; set; } = 4.0;

    public double GPsw { get; set; } = 1.5;

    public double GRegion { get; set; } = 0.5;
}
