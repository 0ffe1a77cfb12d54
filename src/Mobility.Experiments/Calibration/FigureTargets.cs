namespace Mobility.Experiments.Calibration;

using System.Globalization;
using Mobility.Model;
using Mobility.Model.Metrics;
using Mobility.Model.Observations;
using Mobility.Model.Parameters;
using Mobility.Model.Policies;
using Mobility.Model.World;

/// <summary>
/// Turns the published figures of observations.csv into fit targets. Each measure maps to one simulated quantity
/// (docs/calibration.md, "What each measure is compared with"); figures for the same origin, destination, measure and
/// year become one target whose range runs from the lowest to the highest figure (no loss inside it), weighted by the
/// most trusted of them (<see cref="WeightOf"/>). A figure the scenario cannot produce is kept as a target that is
/// "not comparable", with the reason: nothing is dropped.
/// </summary>
public static class FigureTargets
{
    /// <summary>Weight of a figure in the objective by its source's confidence: high 1, medium 0.6, low 0.3.</summary>
    public static double WeightOf(SourceConfidence confidence) => confidence switch
    {
        SourceConfidence.High => 1.0,
        SourceConfidence.Medium => 0.6,
        _ => 0.3,
    };

    public static IReadOnlyList<Observation> From(IReadOnlyList<PublishedFigure> figures, ScenarioSettings settings, WorldData world)
    {
        var members = world.Countries.Where(c => c.IsMember).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var targets = new List<Observation>();
        foreach (var group in figures.GroupBy(f => (f.Origin, f.Destination, f.Measure, f.Year)))
        {
            var list = group.ToList();
            var first = list[0];
            var (kind, flowKind) = Quantity(first.Measure);
            double low = list.Min(f => f.Value), high = list.Max(f => f.Value);
            string measure = EnumCodes<FigureMeasure>.Code(first.Measure);
            string id = list.Count == 1
                ? first.Id
                : string.Create(CultureInfo.InvariantCulture, $"{Side(first.Origin)}-{Side(first.Destination)}-{measure}-{first.Year} ({list.Count} figures)");
            targets.Add(new Observation(
                id,
                first.Origin,
                first.Destination,
                first.Year,
                kind,
                low,
                string.Join("; ", list.Select(f => f.SourceTitle).Distinct()),
                string.Join("; ", list.Select(f => f.Quote)),
                Weight: list.Max(f => WeightOf(f.Confidence)),
                FlowKind: flowKind,
                Line: first.Line)
            {
                High = list.Count == 1 ? double.NaN : high,
                Measure = measure,
                Figures = list.Select(f => f.Id).ToArray(),
                NotComparable = Reason(first, members, settings, world),
            });
        }

        return targets;
    }

    /// <summary>The simulated quantity of a measure (its kind and, for flows, the flow kind).</summary>
    public static (ObservationKind Kind, string FlowKind) Quantity(FigureMeasure measure) => measure switch
    {
        FigureMeasure.Enrolled => (ObservationKind.Stock, FlowKinds.Degree),
        FigureMeasure.TertiaryEnrolment => (ObservationKind.Enrolment, FlowKinds.Degree),
        FigureMeasure.Departures or FigureMeasure.Arrivals => (ObservationKind.Departures, FlowKinds.Degree),
        FigureMeasure.Entrants or FigureMeasure.Invitations => (ObservationKind.Flow, FlowKinds.Degree),
        FigureMeasure.Credit => (ObservationKind.Flow, FlowKinds.Credit),
        FigureMeasure.ScholarshipAwards => (ObservationKind.Flow, FlowKinds.NationalScholarship),
        FigureMeasure.Placements => (ObservationKind.Flow, FlowKinds.Quota),
        FigureMeasure.ScholarshipHolders => (ObservationKind.ScholarshipHolders, FlowKinds.Degree),
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>Why the scenario cannot produce the figure's quantity, or null when it can.</summary>
    private static string? Reason(PublishedFigure f, HashSet<string> members, ScenarioSettings settings, WorldData world)
    {
        bool originMember = members.Contains(f.Origin), destinationMember = members.Contains(f.Destination);
        if (f.Measure == FigureMeasure.TertiaryEnrolment)
        {
            return originMember ? null : $"the model simulates the own students of the member countries only, not of {f.Origin}";
        }

        if (!originMember && !destinationMember)
        {
            return "neither side is a member country: the model does not simulate students moving between two other countries";
        }

        switch (f.Measure)
        {
            case FigureMeasure.ScholarshipAwards or FigureMeasure.ScholarshipHolders:
                var programmes = settings.Policies.NationalScholarship.Values
                    .Where(p => p.Country == f.Origin && (f.Destination == PublishedFigure.AllCountries || p.Destinations.Length == 0 || p.Destinations.Contains(f.Destination)))
                    .ToList();
                return programmes.Count > 0 ? null
                    : $"the scenario has no national scholarship of {f.Origin} that funds study in {Name(f.Destination)} (policies:nationalScholarship)";
            case FigureMeasure.Placements:
                return HostQuota.Funds(settings.Policies, world, f.Origin, f.Destination) ? null
                    : $"the scenario has no host quota of {Name(f.Destination)} for students of {f.Origin} (neither policies:hostQuota nor a scholarship_quota series in the world), so placements under it are not simulated";
            case FigureMeasure.Credit when !originMember:
                return $"credit mobility is simulated for students of the member countries only, not of {f.Origin}";
            default:
                return null;
        }
    }

    private static string Name(string code) => code == PublishedFigure.AllCountries ? "any country" : code;

    private static string Side(string code) => code == PublishedFigure.AllCountries ? "all" : code.ToLowerInvariant();
}
