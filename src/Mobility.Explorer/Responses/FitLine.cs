namespace Mobility.Explorer.Responses;

using System.Collections.Concurrent;
using System.Globalization;
using Mobility.Experiments.Calibration;
using Mobility.Explorer.Candidates;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Input.Observations;

/// <summary>
/// The calibration-fit line of a reference: how far its simulated stocks and flows are from the observations
/// (scenarios/observations/observations.csv), as <c>mobility fit</c> measures it, on a coarse run (scale 20, two
/// replications) so that it takes seconds; computed once per reference and kept.
/// </summary>
public sealed class FitLine
{
    public const double Scale = 20;
    public const int Replications = 2;

    private readonly ConcurrentDictionary<string, Lazy<string>> lines = new(StringComparer.Ordinal);
    private readonly ScenarioWorkspace workspace;
    private readonly ExplorerOptions options;

    public FitLine(ScenarioWorkspace workspace, ExplorerOptions options)
    {
        this.workspace = workspace;
        this.options = options;
    }

    public string Of(string reference)
    {
        workspace.ShippedPath(reference);
        return lines.GetOrAdd(reference, r => new Lazy<string>(() => Compute(r), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private string Compute(string reference)
    {
        string path = Path.Combine(workspace.ScenariosFolder, "observations", "observations.csv");
        if (!File.Exists(path))
        {
            throw new RequestRejectedException([new Problem("", $"no observations to fit: {PathDisplay.Of(path)} not found")]);
        }

        try
        {
            var observations = ObservationsLoader.Load(path);
            var loaded = workspace.Load(reference, null, Scale);
            var window = ObservationWindow.For(loaded.Settings.Scenario, observations);
            var windowed = new ScenarioVariants(loaded).With(new ScenarioLoadOptions { SpinUpYears = window.SpinUpYears, EndYear = window.EndYear, TypedSource = "the observed years" });
            var fit = Calibrator.Evaluate(windowed.World, windowed.Settings, observations, Replications, options.Threads, window.ReportFrom);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{loaded.Name} against {fit.Rows.Count} observations ({PathDisplay.Of(path)}): median |log(simulated/observed)| {fit.MedianAbsoluteLogRatio:0.00} "
                + $"(a typical factor of {Math.Exp(fit.MedianAbsoluteLogRatio):0.00}), common part {fit.CommonPart:0.00}, largest factor {fit.MaxFactor:0.0}; "
                + $"scale {Scale}, {Replications} replications (mobility fit gives the full table).");
        }
        catch (InputException ex)
        {
            throw new RequestRejectedException(ex.Problems.Select(p => new Problem("", p)).ToArray());
        }
    }
}
