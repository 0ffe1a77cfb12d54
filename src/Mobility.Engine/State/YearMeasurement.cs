namespace Mobility.Engine.State;

/// <summary>What one year measured, in agents (multiplied by the scale when reported).</summary>
internal sealed class YearMeasurement
{
    public YearMeasurement(int countries)
    {
        DegreeFlows = new double[countries, countries];
        CreditFlows = new double[countries, countries];
        ScholarFlows = new double[countries, countries];
        NationalScholarshipFlows = new double[countries, countries];
        QuotaFlows = new double[countries, countries];
        Stocks = new double[countries, countries];
        ScholarshipHolders = new double[countries, countries];
        DomesticStudents = new double[countries];
        Returnees = new double[countries];
        BrainDrain = new double[countries];
        BrainGain = new double[countries];
        Graduates = new double[countries];
        Dropouts = new double[countries];
        RevenueUsd = new double[countries];
    }

    public double[,] DegreeFlows { get; }

    public double[,] CreditFlows { get; }

    public double[,] ScholarFlows { get; }

    /// <summary>The degree departures funded by a national scholarship (Bolashak, El-Yurt Umidi): a subset of <see cref="DegreeFlows"/>.</summary>
    public double[,] NationalScholarshipFlows { get; }

    /// <summary>The degree departures placed on a host government's quota seats: a subset of <see cref="DegreeFlows"/>.</summary>
    public double[,] QuotaFlows { get; }

    /// <summary>Degree students of o enrolled in h this year.</summary>
    public double[,] Stocks { get; }

    /// <summary>The degree students of o in h funded by a national scholarship: a subset of <see cref="Stocks"/>.</summary>
    public double[,] ScholarshipHolders { get; }

    public double[] DomesticStudents { get; }

    public double[] Returnees { get; }

    public double[] BrainDrain { get; }

    public double[] BrainGain { get; }

    public double[] Graduates { get; }

    public double[] Dropouts { get; }

    /// <summary>Education-export revenue per host (USD per agent; scaled when reported).</summary>
    public double[] RevenueUsd { get; }

    public void Reset()
    {
        Array.Clear(DegreeFlows);
        Array.Clear(CreditFlows);
        Array.Clear(ScholarFlows);
        Array.Clear(NationalScholarshipFlows);
        Array.Clear(QuotaFlows);
        Array.Clear(Stocks);
        Array.Clear(ScholarshipHolders);
        Array.Clear(DomesticStudents);
        Array.Clear(Returnees);
        Array.Clear(BrainDrain);
        Array.Clear(BrainGain);
        Array.Clear(Graduates);
        Array.Clear(Dropouts);
        Array.Clear(RevenueUsd);
    }
}
