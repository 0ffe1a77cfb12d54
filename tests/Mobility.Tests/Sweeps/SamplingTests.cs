namespace Mobility.Tests.Sweeps;

using Mobility.Experiments.Sampling;

public class SamplingTests
{
    /// <summary>
    /// The first points of the unscrambled Sobol sequence with the new-joe-kuo-6.21201 direction numbers, as published
    /// by Joe and Kuo's reference program (and SciPy's qmc.Sobol(d, scramble=False), which uses the same table).
    /// </summary>
    [Fact]
    public void Sobol_points_match_the_published_first_points()
    {
        double[][] expected =
        [
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25, 0.25, 0.75, 0.75, 0.25, 0.75, 0.75, 0.75],
            [0.25, 0.75, 0.75, 0.75, 0.25, 0.25, 0.75, 0.25, 0.25, 0.25],
            [0.375, 0.375, 0.625, 0.875, 0.375, 0.125, 0.375, 0.875, 0.875, 0.625],
            [0.875, 0.875, 0.125, 0.375, 0.875, 0.625, 0.875, 0.375, 0.375, 0.125],
            [0.625, 0.125, 0.875, 0.625, 0.625, 0.875, 0.125, 0.125, 0.125, 0.375],
            [0.125, 0.625, 0.375, 0.125, 0.125, 0.375, 0.625, 0.625, 0.625, 0.875],
        ];

        double[][] points = new SobolSequence(10).Points(0, 8);

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], points[i]);
        }
    }

    [Theory]
    [InlineData(100, new[] { 0.4140625, 0.2578125, 0.7734375, 0.6953125, 0.7578125, 0.7109375, 0.6484375 })]
    [InlineData(1023, new[] { 0.0009765625, 0.7529296875, 0.6123046875, 0.8505859375, 0.8662109375, 0.6318359375, 0.0400390625 })]
    public void Sobol_points_deep_in_the_sequence_and_in_high_dimensions_match_the_reference(int index, double[] expected)
    {
        // Dimensions 1, 2, 3, 10, 21, 41 and 64 of point `index` (reference: SciPy 1.10, scramble=False).
        int[] dimensions = [0, 1, 2, 9, 20, 40, 63];
        var sequence = new SobolSequence(64);

        double[] point = sequence.Points(index, 1)[0];
        double[] walked = sequence.Points(0, index + 1)[index];

        Assert.Equal(expected, dimensions.Select(d => point[d]).ToArray());
        Assert.Equal(point, walked);
    }

    [Fact]
    public void Latin_hypercube_puts_exactly_one_point_in_every_stratum_of_every_dimension()
    {
        const int n = 37;
        const int dimensions = 6;
        double[][] points = LatinHypercube.Sample(n, dimensions, new Random(11));

        for (int d = 0; d < dimensions; d++)
        {
            int[] strata = points.Select(p => (int)Math.Floor(p[d] * n)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, n), strata);
        }

        // Not the same permutation in every dimension.
        Assert.NotEqual(points.Select(p => (int)(p[0] * n)), points.Select(p => (int)(p[1] * n)));
    }

    [Fact]
    public void Morris_trajectories_change_one_coordinate_per_step_by_delta_on_the_grid()
    {
        const int k = 5;
        const int levels = 4;
        double delta = MorrisDesign.Delta(levels);
        double[][] points = MorrisDesign.Sample(trajectories: 10, parameters: k, levels, new Random(3));

        Assert.Equal(10 * (k + 1), points.Length);
        Assert.All(points.SelectMany(p => p), x => Assert.Contains(x * (levels - 1), new double[] { 0, 1, 2, 3 }));
        for (int t = 0; t < 10; t++)
        {
            var changed = new HashSet<int>();
            for (int s = 0; s < k; s++)
            {
                double[] from = points[t * (k + 1) + s];
                double[] to = points[t * (k + 1) + s + 1];
                int[] moved = Enumerable.Range(0, k).Where(i => from[i] != to[i]).ToArray();
                Assert.Single(moved);
                Assert.Equal(delta, Math.Abs(to[moved[0]] - from[moved[0]]), 12);
                changed.Add(moved[0]);
            }

            Assert.Equal(k, changed.Count);
        }
    }

    [Fact]
    public void A_full_grid_lists_every_combination_once()
    {
        int[][] grid = FullGrid.Sample([3, 2, 4]);

        Assert.Equal(24, grid.Length);
        Assert.Equal(24, grid.Select(g => string.Join(",", g)).Distinct().Count());
        Assert.Equal([0, 0, 1], grid[1]);
    }

    [Fact]
    public void The_saltelli_scheme_takes_A_and_B_from_one_sobol_sequence_and_mixes_one_column_per_parameter()
    {
        const int k = 3;
        double[][] sobol = new SobolSequence(2 * k).Points(0, 8);
        double[][] points = SaltelliDesign.Sample(8, k);

        Assert.Equal(8 * (k + 2), points.Length);
        for (int j = 0; j < 8; j++)
        {
            double[] a = points[j * (k + 2)];
            double[] b = points[j * (k + 2) + 1];
            Assert.Equal(sobol[j][..k], a);
            Assert.Equal(sobol[j][k..], b);
            for (int i = 0; i < k; i++)
            {
                double[] ab = points[j * (k + 2) + 2 + i];
                Assert.Equal(Enumerable.Range(0, k).Select(c => c == i ? b[c] : a[c]), ab);
            }
        }
    }
}
