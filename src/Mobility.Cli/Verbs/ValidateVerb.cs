namespace Mobility.Cli.Verbs;

using System.CommandLine;
using Mobility.Input.Configuration;

/// <summary><c>mobility validate SCENARIO [--set key=value]...</c>: loads and checks the scenario and the world, runs nothing.</summary>
internal static class ValidateVerb
{
    public static Command Create(CliContext context)
    {
        var scenario = CommonOptions.Scenario();
        var set = CommonOptions.Set();
        var command = new Command("validate", "Load the scenario (with its base files, environment and --set overrides) and the world data, check every value, and report all problems found; runs nothing.")
        {
            scenario,
            set,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () =>
        {
            string path = CommonOptions.ResolveScenarioPath(parseResult.GetValue(scenario)!);
            LoadedScenario loaded = ScenarioLoader.Load(path, new ScenarioLoadOptions { Sets = parseResult.GetValue(set) ?? [] });
            ObservationOptions.RecordedRule(loaded); // scenario:unobservedConstant names a rule of calibrate, which the engine does not read
            var s = loaded.Settings.Scenario;
            context.Output.WriteLine(
                $"OK: {loaded.Name} ({loaded.Files.Count} files layered, {s.StartYear}-{s.EndYear}, "
                + $"world: {loaded.World.Countries.Count} countries, {loaded.World.Universities.Count} universities)");
            return Task.FromResult(ExitCodes.Success);
        }));
        return command;
    }
}
