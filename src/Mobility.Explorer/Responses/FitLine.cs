namespace Mobility.Explorer.Responses;

using System.Collections.Concurrent;
using System.Globalization;
using Mobility.Experiments.Calibration;
using Mobility.Explorer.Candidates;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Input.Observations;

/// <summary>
/// The calibration-fit line of a reference: how well it reproduces the published figures of the observation set, read
/// from the fit summary shipped next to them (scenarios/observations/fit-summary.json, written by <c>mobility fit</c>),
/// in the words <c>mobility compare</c> prints, and flagged the same way when the reference's coefficients are not the
/// ones the summary measured. Kept per reference.
/// </summary>
public sealed class FitLine
{
    private const double Scale = 10;

    private readonly ConcurrentDictionary<string, Lazy<string>> lines = new(StringComparer.Ordinal);
    private readonly ScenarioWorkspace workspace;

    public FitLine(ScenarioWorkspace workspace)
    {
        this.workspace = workspace;
    }

    public string Of(string reference)
    {
        workspace.ShippedPath(reference);
        return lines.GetOrAdd(reference, r => new Lazy<string>(() => Compute(r), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private string Compute(string reference)
    {
        string folder = Path.Combine(workspace.ScenariosFolder, "observations");
        try
        {
            var loaded = workspace.Load(reference, null, Scale); // the summary's hash leaves the scenario: keys (scale among them) out
            var summary = FitSummaryFile.TryRead(folder)
                ?? throw new RequestRejectedException([new Problem("", $"no fit summary in {PathDisplay.Of(folder)}: run mobility fit on the reference and copy its {FitSummaryFile.FileName} there")]);
            return summary.Sentence(loaded.Configuration, loaded.Name);
        }
        catch (InputException ex)
        {
            throw new RequestRejectedException(ex.Problems.Select(p => new Problem("", p)).ToArray());
        }
    }
}
