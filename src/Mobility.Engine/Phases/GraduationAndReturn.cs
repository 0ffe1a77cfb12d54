namespace Mobility.Engine.Phases;

using Mobility.Engine.Core;
using Mobility.Engine.Random;
using Mobility.Model.Agents;

/// <summary>
/// Step 8: credit students come home; students at the end of a programme graduate. A graduate continues to the
/// next level with the transition rate (abroad: at the same host; at home: deciding on mobility next year);
/// otherwise a graduate abroad returns home with probability
/// sigmoid(g0 + gWage*ln(wage(o)/wage(h)) + gObligation*[obligation] - gPsw*postStudyWork(h) + gRegion*[same region])
/// or stays (brain drain for o, brain gain for h). Finished graduates become alumni; dropouts leave the student
/// arrays. One sequential pass, so alumni and slots keep a deterministic order.
/// </summary>
internal sealed class GraduationAndReturn
{
    private readonly SimulationState s;

    public GraduationAndReturn(SimulationState state)
    {
        s = state;
    }

    public void Run()
    {
        var st = s.Students;
        var g = s.Settings.Graduation;
        var entry = s.Settings.Entry;
        var unis = s.Universities;
        var m = s.Measure;
        Array.Clear(unis.GraduateSkillSum);
        Array.Clear(unis.GraduateCount);
        int write = 0;
        for (int i = 0; i < st.Count; i++)
        {
            int o = st.Origin[i];
            if ((st.Flags[i] & Study.FlagRemoved) != 0)
            {
                s.Dropped[o] += 1;
                continue;
            }

            if (st.Status[i] == StudentStatus.CreditAbroad)
            {
                st.Status[i] = StudentStatus.AtHome;
                st.Host[i] = st.Home[i];
                st.Funding[i] = Funding.Self;
            }

            st.YearInProgramme[i]++;
            if (st.YearInProgramme[i] < StudyLevels.Length(st.Level[i]))
            {
                Keep(i, ref write);
                continue;
            }

            int host = st.Host[i];
            int h = unis.Country[host];
            unis.GraduateSkillSum[host] += st.Skill[i];
            unis.GraduateCount[host] += 1;
            m.Graduates[o] += 1;
            var rng = new RandomStream(s.Seed, (uint)st.Id[i], s.Year, Purpose.Graduation);
            double transition = st.Level[i] switch
            {
                StudyLevel.Bachelor => entry.MasterTransition,
                StudyLevel.Master => entry.PhdTransition,
                _ => 0,
            };
            bool abroad = st.Status[i] == StudentStatus.DegreeAbroad;
            if (rng.NextDouble() < transition)
            {
                st.Level[i]++;
                st.YearInProgramme[i] = 0;
                if (!abroad)
                {
                    st.Flags[i] |= StudentPopulation.FlagNewLevel;
                    st.Funding[i] = Funding.Self;
                }

                Keep(i, ref write);
                continue;
            }

            int residence = o;
            if (abroad)
            {
                var co = s.Countries[o];
                var ch = s.Countries[h];
                double x = g.G0 + (g.GWage * Math.Log(co.WageIndex / ch.WageIndex))
                    + (st.Obligation[i] > 0 ? g.GObligation : 0)
                    - (g.GPsw * ch.PostStudyWork)
                    + (co.Region == ch.Region ? g.GRegion : 0);
                if (rng.NextDouble() < Logistic.Sigmoid(x))
                {
                    m.Returnees[o] += 1;
                }
                else
                {
                    residence = h;
                    m.BrainDrain[o] += 1;
                    m.BrainGain[h] += 1;
                }
            }

            AddAlumnus(i, residence);
        }

        st.Count = write;
    }

    private void AddAlumnus(int i, int residence)
    {
        var st = s.Students;
        int o = st.Origin[i];
        int studiedIn = st.AbroadCountry[i];
        float skill = st.Skill[i];
        if (studiedIn == StudentPopulation.NoCountry)
        {
            s.DomesticAlumni[o] += 1;
            s.DomesticAlumniSkill[o] += skill;
            return;
        }

        float attitude = st.Attitude[i];
        s.Alumni.Add((byte)o, (byte)residence, (byte)studiedIn, skill, attitude);
        s.AlumniStudiedIn[o, studiedIn] += 1;
        if (residence == o)
        {
            s.ResidentAlumni[o, studiedIn] += 1;
            s.ResidentAlumniAttitude[o, studiedIn] += attitude;
        }

        s.MobileResidentCount[residence] += 1;
        s.MobileResidentSkill[residence] += skill;
    }

    private void Keep(int i, ref int write)
    {
        if (write != i)
        {
            s.Students.Move(i, write);
        }

        write++;
    }
}
