namespace Mobility.Cli.Verbs;

using System.CommandLine;
using Mobility.Explorer;
using Mobility.Input;

/// <summary>
/// <c>mobility serve [--port 8080] [--host 127.0.0.1]</c>: starts the policy explorer (src/Mobility.Explorer) and
/// serves it until Ctrl+C. The verb only wires the options to the server.
/// </summary>
internal static class ServeVerb
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port")
        {
            Description = "TCP port to listen on (1 to 65535).",
            DefaultValueFactory = _ => 8080,
        };
        var host = new Option<string>("--host")
        {
            Description = "Address to bind. The default, 127.0.0.1, serves this machine only; 0.0.0.0 would expose the explorer to the network.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var scenarios = new Option<string>("--scenarios")
        {
            Description = "Folder of the shipped scenarios the page offers (default: scenarios).",
            DefaultValueFactory = _ => "scenarios",
        };
        var threads = CommonOptions.Threads("What-ifs use them; results do not depend on it.");
        var command = new Command("serve", "Start the policy explorer: a local web page to edit a candidate's levers, run what-ifs against a reference and read their effects.")
        {
            port,
            host,
            scenarios,
            threads,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, async () =>
        {
            int p = parseResult.GetValue(port);
            string h = parseResult.GetValue(host) ?? "";
            string folder = parseResult.GetValue(scenarios) ?? "";
            var problems = new List<string>();
            if (p is < 1 or > 65535)
            {
                problems.Add($"--port must be 1 to 65535 (was {p})");
            }

            if (!System.Net.IPAddress.TryParse(h, out _) && h != "localhost")
            {
                problems.Add($"--host must be an IP address such as 127.0.0.1 (was '{h}')");
            }

            if (!Directory.Exists(folder))
            {
                problems.Add($"--scenarios: folder '{folder}' not found (run from the project folder, or name the scenarios folder)");
            }

            if (problems.Count > 0)
            {
                throw new InputException(problems);
            }

            var options = new ExplorerOptions { Host = h, Port = p, ScenariosFolder = folder, Threads = parseResult.GetValue(threads) };
            await using var app = ExplorerServer.Build(options);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            context.Output.WriteLine($"mobility explorer: http://{(h.Contains(':', StringComparison.Ordinal) ? $"[{h}]" : h)}:{p}/ (Ctrl+C stops it)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}
