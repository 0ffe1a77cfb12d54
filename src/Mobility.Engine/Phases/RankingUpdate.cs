namespace Mobility.Engine.Phases;

using Mobility.Engine.State;
using Mobility.Model.World;

/// <summary>
/// Step 10: QS-style rankings from simulated stocks. Published scores are the starting point; at the end of spin-up
/// the simulated raw values (international student and staff shares, staff per student, research links, graduates'
/// skill) are recorded as the reference, and afterwards each score moves by how far its raw value moved
/// (score = published + 100*(raw - reference)/fullScoreRaw). Citations follow the research network, reputations
/// are slow moving averages toward research and graduates' success, and quality investment adds to both.
/// Scores are capped to 0..100, combined with the QS weights into Q(u), and mapped to a
/// QS-comparable world rank. External universities keep their published student and staff ratios: the simulation
/// sees only the small part of their students that comes from the region.
/// </summary>
internal sealed class RankingUpdate
{
    private readonly SimulationState s;

    public RankingUpdate(SimulationState state)
    {
        s = state;
    }

    public void Run()
    {
        var u = s.Universities;
        var k = s.Settings.Rankings;
        double meanSkill = MeanGraduateSkill();
        for (int i = 0; i < u.Count; i++)
        {
            bool member = s.IsMember[u.Country[i]];
            double students = member ? Math.Max(1, u.Students[i]) : 1;
            double intlStudentShare = member ? u.ForeignStudents[i] / students : 0;
            double staffAgents = Math.Max(1, u.Staff[i] / s.Scale);
            double staffPerStudent = member ? staffAgents / students : 0;
            double intlFacultyShare = member ? u.VisitingScholars[i] / staffAgents : 0;
            double logLinks = Math.Log(1 + (100 * u.ScholarLinks[i] / staffAgents));
            double graduateSkill = u.GraduateCount[i] > 0
                ? (u.GraduateSkillSum[i] / u.GraduateCount[i]) - meanSkill
                : u.Reference[i, UniversityTable.RefGraduateSkill];

            // A branch campus is anchored to its published (parent-derived) scores after its first year open.
            if (s.IsSpinUp || !u.HasReference || !u.Active[i] || s.Year <= u.Opens[i])
            {
                u.Reference[i, UniversityTable.RefIntlStudentShare] = intlStudentShare;
                u.Reference[i, UniversityTable.RefStaffPerStudent] = staffPerStudent;
                u.Reference[i, UniversityTable.RefIntlFacultyShare] = intlFacultyShare;
                u.Reference[i, UniversityTable.RefLogLinks] = logLinks;
                u.Reference[i, UniversityTable.RefGraduateSkill] = graduateSkill;
                continue;
            }

            Set(i, Indicator.InternationalStudents, Anchored(i, Indicator.InternationalStudents, intlStudentShare, UniversityTable.RefIntlStudentShare, k.FullScoreIntlStudentShare));
            Set(i, Indicator.FacultyStudent, Anchored(i, Indicator.FacultyStudent, staffPerStudent, UniversityTable.RefStaffPerStudent, k.FullScoreStaffPerStudent));
            Set(i, Indicator.InternationalFaculty, Anchored(i, Indicator.InternationalFaculty, intlFacultyShare, UniversityTable.RefIntlFacultyShare, k.FullScoreIntlFacultyShare));
            double network = u.Data[i, (int)Indicator.InternationalResearchNetwork]
                + (k.NetworkGainPerLogLink * (logLinks - u.Reference[i, UniversityTable.RefLogLinks]));
            Set(i, Indicator.InternationalResearchNetwork, network);
            double networkGain = u.Score[i, (int)Indicator.InternationalResearchNetwork] - u.Data[i, (int)Indicator.InternationalResearchNetwork];

            double citationsTarget = u.Data[i, (int)Indicator.Citations] + (k.CitationsPerNetworkPoint * networkGain) + u.CitationsInvestment[i];
            Smooth(i, Indicator.Citations, citationsTarget, k.CitationsSmoothing);
            double citationsGain = u.Score[i, (int)Indicator.Citations] - u.Data[i, (int)Indicator.Citations];

            double academicTarget = u.Data[i, (int)Indicator.AcademicReputation]
                + (k.ReputationPerResearchPoint * (citationsGain + networkGain)) + u.ReputationInvestment[i];
            Smooth(i, Indicator.AcademicReputation, academicTarget, k.ReputationSmoothing);
            double employerTarget = u.Data[i, (int)Indicator.EmployerReputation]
                + (k.EmployerReputationPerSkill * (graduateSkill - u.Reference[i, UniversityTable.RefGraduateSkill]))
                + u.ReputationInvestment[i];
            Smooth(i, Indicator.EmployerReputation, employerTarget, k.ReputationSmoothing);
        }

        if (s.Year == s.Settings.Scenario.StartYear - 1 || (!s.IsSpinUp && !u.HasReference))
        {
            u.HasReference = true;
        }

        for (int i = 0; i < u.Count; i++)
        {
            u.Composite[i] = u.ComputeComposite(i, k, u.Score);
            u.WorldRank[i] = u.EstimateRank(i);
        }
    }

    private double Anchored(int i, Indicator indicator, double raw, int reference, double fullScore)
    {
        var u = s.Universities;
        return u.Data[i, (int)indicator] + (100 * (raw - u.Reference[i, reference]) / Math.Max(1e-9, fullScore));
    }

    private void Set(int i, Indicator indicator, double value) =>
        s.Universities.Score[i, (int)indicator] = Math.Clamp(value, 0, 100);

    private void Smooth(int i, Indicator indicator, double target, double rate)
    {
        double current = s.Universities.Score[i, (int)indicator];
        Set(i, indicator, current + (rate * (Math.Clamp(target, 0, 100) - current)));
    }

    private double MeanGraduateSkill()
    {
        var u = s.Universities;
        double sum = 0;
        double count = 0;
        for (int i = 0; i < u.Count; i++)
        {
            sum += u.GraduateSkillSum[i];
            count += u.GraduateCount[i];
        }

        return count > 0 ? sum / count : 0;
    }
}
