namespace Mobility.Output.Posterior;

using System.Globalization;
using Mobility.Input;
using Mobility.Model.Uncertainty;
using Mobility.Output.Sweeps;

/// <summary>
/// Reads a <c>posterior.parquet</c> written by <c>mobility posterior</c> (<see cref="PosteriorFiles"/>): the columns
/// <c>generation</c>, <c>draw</c>, <c>weight</c> and <c>distance</c>, then one double column per coefficient, named by
/// its configuration path with ':' replaced by '_' (so the path is the name with '_' replaced by ':'; no setting
/// path has an underscore). Every problem is reported together, naming the file and the column.
/// </summary>
public static class PosteriorSampleReader
{
    private static readonly string[] Fixed = ["generation", "draw", "weight", "distance"];

    public static async Task<PosteriorSample> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        string display = PathDisplay.Of(path);
        if (!File.Exists(path))
        {
            throw new InputException($"{display}: posterior file not found (write one with `mobility posterior`, or use scenarios/posterior/baseline-posterior.parquet)");
        }

        IReadOnlyDictionary<string, Array> columns = await SweepParquet.ReadColumnsAsync(path, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        string[] names = columns.Keys.ToArray();
        if (names.Length <= Fixed.Length || !names.Take(Fixed.Length).SequenceEqual(Fixed))
        {
            throw new InputException($"{display}: expected the columns {string.Join(", ", Fixed)} followed by one column per coefficient, as `mobility posterior` writes them "
                + $"(found {string.Join(", ", names)})");
        }

        string[] coefficients = names.Skip(Fixed.Length).ToArray();
        if (columns["weight"] is not double[] weights)
        {
            throw new InputException($"{display}: column weight must hold doubles");
        }

        var values = new double[coefficients.Length][];
        for (int k = 0; k < coefficients.Length; k++)
        {
            if (columns[coefficients[k]] is double[] column)
            {
                values[k] = column;
                int bad = Array.FindIndex(column, v => !double.IsFinite(v));
                if (bad >= 0)
                {
                    problems.Add($"{display}: column {coefficients[k]}, row {bad}: must be a finite number (was {column[bad].ToString(CultureInfo.InvariantCulture)})");
                }
            }
            else
            {
                problems.Add($"{display}: column {coefficients[k]} must hold doubles (a coefficient's values)");
            }
        }

        if (weights.Length == 0)
        {
            problems.Add($"{display}: holds no draws");
        }

        int negative = Array.FindIndex(weights, w => !(w >= 0) || !double.IsFinite(w));
        if (negative >= 0)
        {
            problems.Add($"{display}: column weight, row {negative}: must be a finite number >= 0 (was {weights[negative].ToString(CultureInfo.InvariantCulture)})");
        }

        double total = weights.Sum();
        if (weights.Length > 0 && negative < 0 && Math.Abs(total - 1) > 1e-6)
        {
            problems.Add($"{display}: column weight must sum to 1 (sums to {total.ToString("R", CultureInfo.InvariantCulture)})");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var thetas = Enumerable.Range(0, weights.Length).Select(i => values.Select(v => v[i]).ToArray()).ToArray();
        return new PosteriorSample(path, coefficients.Select(c => c.Replace('_', ':')).ToArray(), thetas, weights);
    }
}
