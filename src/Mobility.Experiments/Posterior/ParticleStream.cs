namespace Mobility.Experiments.Posterior;

using Mobility.Model.Uncertainty;
using Mobility.Engine.Random;

/// <summary>
/// Uniform draws for one proposal from the project's counter-based Philox 4x32-10 generator, keyed by the seed and
/// counted by (particle, generation, attempt, purpose and block): a proposal's numbers depend only on those, never on
/// the thread, the batch or the shard it is computed in. Each draw takes two 32-bit words (53 random bits), so
/// normal draws by the inverse CDF reach the far tails.
/// </summary>
public struct ParticleStream
{
    private const double TwoPow53Inverse = 1.0 / 9007199254740992.0;
    private readonly uint k0;
    private readonly uint k1;
    private readonly uint particle;
    private readonly uint generation;
    private readonly uint attempt;
    private readonly uint purpose;
    private uint block;
    private uint r0;
    private uint r1;
    private uint r2;
    private uint r3;
    private int used;

    public ParticleStream(ulong seed, int generation, int particle, int attempt, StreamPurpose purpose)
    {
        k0 = (uint)seed;
        k1 = (uint)(seed >> 32);
        this.particle = (uint)particle;
        this.generation = (uint)generation;
        this.attempt = (uint)attempt;
        this.purpose = (uint)purpose << 24;
        block = 0;
        r0 = r1 = r2 = r3 = 0;
        used = 4;
    }

    /// <summary>Uniform on the open interval (0, 1).</summary>
    /// <summary>A draw from the prior: one uniform of this stream per coefficient, through its inverse CDF.</summary>
    public double[] DrawFrom(JointPrior prior)
    {
        Span<double> uniforms = stackalloc double[prior.Dimension];
        for (int k = 0; k < uniforms.Length; k++)
        {
            uniforms[k] = NextDouble();
        }

        return prior.Quantiles(uniforms);
    }

    public double NextDouble()
    {
        ulong high = NextWord() >> 5;
        ulong low = NextWord() >> 6;
        return ((high << 26) + low + 0.5) * TwoPow53Inverse;
    }

    /// <summary>A 64-bit value (e.g. a simulation's seed).</summary>
    public ulong NextUInt64() => ((ulong)NextWord() << 32) | NextWord();

    private uint NextWord()
    {
        if (used == 4)
        {
            if (block >= 1u << 24)
            {
                throw new InvalidOperationException("a particle stream ran out of blocks");
            }

            Philox4x32.Generate(particle, generation, attempt, purpose | block++, k0, k1, out r0, out r1, out r2, out r3);
            used = 0;
        }

        return used++ switch
        {
            0 => r0,
            1 => r1,
            2 => r2,
            _ => r3,
        };
    }
}
