namespace Mobility.Engine.State;

using Mobility.Engine.Agents;
using Mobility.Engine.Random;
using Mobility.Model.Agents;

/// <summary>Creates the academic staff of member universities, one agent per <c>scale</c> persons.</summary>
internal static class ScholarPopulationFactory
{
    public static ScholarPopulation Create(SimulationState s)
    {
        var u = s.Universities;
        var counts = new int[u.Count];
        int total = 0;
        for (int i = 0; i < u.Count; i++)
        {
            if (s.IsMember[u.Country[i]] && u.Opens[i] == int.MinValue)
            {
                counts[i] = RandomStream.StochasticRound(u.Staff[i] / s.Scale, s.Seed, NonAgentStreams.Staff(i), 0);
                total += counts[i];
            }
        }

        var scholars = new ScholarPopulation(total);
        var k = s.Settings.Scholars;
        int n = 0;
        for (int i = 0; i < u.Count; i++)
        {
            for (int j = 0; j < counts[i]; j++, n++)
            {
                var rng = new RandomStream(s.Seed, (uint)n, 0, Purpose.ScholarAttributes);
                float productivity = (float)rng.NextDouble();
                scholars.Id[n] = n;
                scholars.Country[n] = (byte)u.Country[i];
                scholars.University[n] = (short)i;
                scholars.Productivity[n] = productivity;
                scholars.Host[n] = -1;
                scholars.Flags[n] = rng.NextDouble() < EnglishSpeakers.Probability(k.EnglishShare, k.EnglishSlope, productivity, 0.5) ? (byte)1 : (byte)0;
            }
        }

        return scholars;
    }
}
