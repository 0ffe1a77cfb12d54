namespace Mobility.Engine.State;

using Mobility.Model.Agents;

/// <summary>
/// This year's applications for places abroad: degree seekers (member students and candidates from external
/// countries) and credit seekers, each with up to K ranked choices. Buffers are reused from year to year.
/// </summary>
internal sealed class ApplicationPool
{
    public ApplicationPool(int maxChoices)
    {
        K = Math.Max(1, maxChoices);
    }

    public int K { get; }

    public List<int> DegreeSeekers { get; } = [];

    public List<int> CreditSeekers { get; } = [];

    /// <summary>Programme index (scholarship or quota) of each degree seeker, -1 when none.</summary>
    public int[] DegreeProgramme { get; private set; } = [];

    /// <summary>Choices of degree seekers, K per seeker in seeker order; -1 = no further choice.</summary>
    public int[] DegreeChoices { get; private set; } = [];

    public int[] CreditChoices { get; private set; } = [];

    // Candidates from external countries: not agents until admitted.
    public int CandidateCount { get; set; }

    public int[] CandidateId { get; private set; } = [];

    public byte[] CandidateOrigin { get; private set; } = [];

    public StudyLevel[] CandidateLevel { get; private set; } = [];

    public float[] CandidateAbility { get; private set; } = [];

    public float[] CandidateResources { get; private set; } = [];

    public bool[] CandidateEnglish { get; private set; } = [];

    public int[] CandidateChoices { get; private set; } = [];

    /// <summary>Continuing foreign degree students per university at the start of the year (agents).</summary>
    public double[] ContinuingForeign { get; set; } = [];

    public void PrepareDegree(int seekers)
    {
        DegreeProgramme = Ensure(DegreeProgramme, seekers);
        DegreeChoices = Ensure(DegreeChoices, seekers * K);
        Array.Fill(DegreeProgramme, -1, 0, seekers);
    }

    public void PrepareCredit(int seekers) => CreditChoices = Ensure(CreditChoices, seekers * K);

    public void PrepareCandidates(int count)
    {
        CandidateCount = count;
        CandidateId = Ensure(CandidateId, count);
        CandidateOrigin = Ensure(CandidateOrigin, count);
        CandidateLevel = Ensure(CandidateLevel, count);
        CandidateAbility = Ensure(CandidateAbility, count);
        CandidateResources = Ensure(CandidateResources, count);
        CandidateEnglish = Ensure(CandidateEnglish, count);
        CandidateChoices = Ensure(CandidateChoices, count * K);
    }

    private static T[] Ensure<T>(T[] array, int size) => array.Length >= size ? array : new T[Math.Max(size, array.Length * 3 / 2)];
}
