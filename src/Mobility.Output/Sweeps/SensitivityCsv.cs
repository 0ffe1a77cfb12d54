namespace Mobility.Output.Sweeps;

using System.Globalization;
using System.Text;
using Mobility.Experiments.Sensitivity;
using Mobility.Experiments.Sweeps;
using Mobility.Output.Files;

/// <summary>
/// Writes sensitivity indices as CSV (atomically). Sobol: metric, country, year, parameter, path, S1, S1_low,
/// S1_high, ST, ST_low, ST_high. Morris: metric, country, year, parameter, path, mu, mu_star, mu_star_low,
/// mu_star_high, sigma, trajectories. Bounds are bootstrap 95% percentile intervals.
/// </summary>
public static class SensitivityCsv
{
    public static string Format(SweepDesign design, SensitivityResult result, string metric, string country, int year)
    {
        var csv = new StringBuilder();
        string Path(string name) => design.Parameters.First(p => p.Name == name).Path;
        string prefix = string.Create(CultureInfo.InvariantCulture, $"{metric},{country},{year}");
        if (result.Method == SamplingMethod.Sobol)
        {
            csv.Append("metric,country,year,parameter,path,S1,S1_low,S1_high,ST,ST_low,ST_high\n");
            foreach (SobolIndex s in result.Sobol)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{prefix},{s.Parameter},{Path(s.Parameter)},{N(s.First)},{N(s.FirstLow)},{N(s.FirstHigh)},{N(s.Total)},{N(s.TotalLow)},{N(s.TotalHigh)}\n");
            }
        }
        else
        {
            csv.Append("metric,country,year,parameter,path,mu,mu_star,mu_star_low,mu_star_high,sigma,trajectories\n");
            foreach (MorrisIndex m in result.Morris)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{prefix},{m.Parameter},{Path(m.Parameter)},{N(m.Mu)},{N(m.MuStar)},{N(m.MuStarLow)},{N(m.MuStarHigh)},{N(m.Sigma)},{m.Effects}\n");
            }
        }

        return csv.ToString();
    }

    public static Task WriteAsync(string path, SweepDesign design, SensitivityResult result, string metric, string country, int year, CancellationToken cancellationToken = default)
        => AtomicFile.WriteAllTextAsync(path, Format(design, result, metric, country, year), cancellationToken);

    private static string N(double value) => double.IsNaN(value) ? "" : value.ToString("G6", CultureInfo.InvariantCulture);
}
