namespace Mobility.Cli.Verbs;

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mobility.Experiments.Benchmarking;
using Mobility.Input;
using Mobility.Input.Configuration;
using Mobility.Output.Files;
using Spectre.Console;

/// <summary>
/// <c>mobility bench [--scale K] [--years N] [--threads LIST] [--population-multiplier M] [--repetitions R] [--rounds N] [--out FILE]</c>:
/// times whole runs of the full region at each thread count and writes bench.json. Each thread count runs in a
/// child process of its own (this program started again with the hidden <c>--child</c> option), so the peak working
/// set it reports belongs to that configuration alone; <c>--in-process</c> runs everything here instead. With
/// <c>--rounds N</c> every thread count is measured N times, the order reversed every other round, and each round's
/// speed-up is reported beside the pooled one: on a machine whose speed drifts from one process to the next, one
/// process per configuration says as much about the processes as about the engine.
/// </summary>
internal static class BenchVerb
{
    private const string ChildMarker = "BENCH-MEASUREMENT ";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };

    public static Command Create(CliContext context)
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Scenario to time (default: baseline, i.e. scenarios/baseline.json: the full region).",
            DefaultValueFactory = _ => "baseline",
        };
        var scale = new Option<double>("--scale")
        {
            Description = "Persons per agent (default 1: one agent per person).",
            DefaultValueFactory = _ => 1,
        };
        var years = new Option<int>("--years")
        {
            Description = "Reported years to simulate from the scenario's start year (default 16, i.e. 2025-2040); the spin-up years run first and are timed too.",
            DefaultValueFactory = _ => 16,
        };
        var threads = new Option<string>("--threads")
        {
            Description = $"Comma-separated thread counts to measure, each 1 to {CommonOptions.MaxThreads} (default: 1 and all cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount > 1 ? "1," + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) : "1",
        };
        var multiplier = new Option<double>("--population-multiplier")
        {
            Description = "Simulate a world M times as large: M times as many agents (the engine runs at scale K/M), e.g. 4.",
            DefaultValueFactory = _ => 1,
        };
        var repetitions = new Option<int>("--repetitions")
        {
            Description = "Runs per thread count; the median is reported (default 3).",
            DefaultValueFactory = _ => 3,
        };
        var rounds = new Option<int>("--rounds")
        {
            Description = "Measure every thread count this many times (a child process each time), alternating the order; reports each round's speed-up and pools the runs (default 1).",
            DefaultValueFactory = _ => 1,
        };
        var output = new Option<string>("--out")
        {
            Description = "Where to write the results (default bench.json), atomically.",
            DefaultValueFactory = _ => "bench.json",
        };
        var inProcess = new Option<bool>("--in-process")
        {
            Description = "Run every configuration in this process instead of one child process each (the peak working set is then the process's over all of them).",
        };
        var child = new Option<bool>("--child") { Hidden = true };

        var command = new Command("bench", "Time whole runs of the full region at each thread count: median wall time, agent-years per second, speed-up, peak working set, bytes per agent, and the distance from the machine's memory bandwidth; writes bench.json.")
        {
            scenario,
            scale,
            years,
            threads,
            multiplier,
            repetitions,
            rounds,
            output,
            inProcess,
            child,
        };
        command.SetAction((parseResult, cancellationToken) => CommandLine.Guard(context, () =>
        {
            var request = new Request(
                CommonOptions.ResolveScenarioPath(parseResult.GetValue(scenario)!),
                parseResult.GetValue(scale),
                parseResult.GetValue(years),
                ParseThreads(parseResult.GetValue(threads)!),
                parseResult.GetValue(multiplier),
                parseResult.GetValue(repetitions),
                parseResult.GetValue(rounds),
                parseResult.GetValue(output)!,
                parseResult.GetValue(inProcess));
            Check(request);
            return parseResult.GetValue(child)
                ? Task.FromResult(RunChild(context, request, cancellationToken))
                : ExecuteAsync(context, request, cancellationToken);
        }));
        return command;
    }

    private sealed record Request(string Scenario, double Scale, int Years, int[] Threads, double Multiplier, int Repetitions, int Rounds, string Out, bool InProcess)
    {
        public double EffectiveScale => Scale / Multiplier;
    }

    private static int[] ParseThreads(string list)
    {
        var parsed = new List<int>();
        foreach (string part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 1)
            {
                throw new InputException($"--threads: '{part}' is not a thread count (expected a comma-separated list of integers >= 1, e.g. 1,2)");
            }

            if (CommonOptions.ThreadCountProblem(n) is string problem)
            {
                throw new InputException(problem);
            }

            if (!parsed.Contains(n))
            {
                parsed.Add(n);
            }
        }

        return parsed.Count > 0 ? [.. parsed] : throw new InputException("--threads: expected at least one thread count, e.g. 1,2");
    }

    private static void Check(Request request)
    {
        var problems = new List<string>();
        if (!(request.Scale > 0) || !double.IsFinite(request.Scale))
        {
            problems.Add($"--scale must be > 0 (was {request.Scale.ToString(CultureInfo.InvariantCulture)})");
        }

        if (!(request.Multiplier > 0) || !double.IsFinite(request.Multiplier))
        {
            problems.Add($"--population-multiplier must be > 0 (was {request.Multiplier.ToString(CultureInfo.InvariantCulture)})");
        }

        if (request.Years < 1)
        {
            problems.Add($"--years must be >= 1 (was {request.Years})");
        }

        if (request.Repetitions < 1)
        {
            problems.Add($"--repetitions must be >= 1 (was {request.Repetitions})");
        }

        if (request.Rounds < 1)
        {
            problems.Add($"--rounds must be >= 1 (was {request.Rounds})");
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
    }

    /// <summary>The scenario at the bench's scale, ending --years after its own start year (known once it is loaded).</summary>
    private static LoadedScenario Load(Request request)
    {
        LoadedScenario loaded = ScenarioLoader.Load(request.Scenario, new ScenarioLoadOptions { Scale = request.EffectiveScale });
        return new ScenarioVariants(loaded).With(new ScenarioLoadOptions
        {
            EndYear = loaded.Settings.Scenario.StartYear + request.Years - 1,
            TypedSource = "--years",
        });
    }

    private static int RunChild(CliContext context, Request request, CancellationToken cancellationToken)
    {
        LoadedScenario loaded = Load(request);
        var measurement = EngineBenchmark.MeasureConfiguration(loaded.World, loaded.Settings, request.Threads[0], request.Repetitions, cancellationToken);
        context.Output.WriteLine(ChildMarker + JsonSerializer.Serialize(measurement, Json).ReplaceLineEndings(" "));
        return ExitCodes.Success;
    }

    private static async Task<int> ExecuteAsync(CliContext context, Request request, CancellationToken cancellationToken)
    {
        // Checked first: a bench takes minutes, and its only output is this file.
        AtomicFile.RequireWritable(request.Out);
        DateTimeOffset started = DateTimeOffset.UtcNow;
        LoadedScenario loaded = Load(request);
        var info = loaded.Settings.Scenario;
        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: {loaded.Name}, scale {request.Scale:G4} x population {request.Multiplier:G4} (engine scale {request.EffectiveScale:G4}), {info.SpinUpYears} spin-up + {request.Years} years, {request.Repetitions} runs per thread count{(request.Rounds > 1 ? $" in each of {request.Rounds} rounds" : "")}, {(request.InProcess ? "in process" : request.Rounds > 1 ? "one child process per thread count and round" : "one child process per thread count")}"));

        // Per thread count (in the order given), its measurement of every round. Every other round runs the thread
        // counts in reverse, so that a drift of the machine's speed does not always favour the same one.
        var measurements = request.Threads.Select(_ => new List<ConfigurationMeasurement>()).ToArray();
        for (int round = 0; round < request.Rounds; round++)
        {
            var order = Enumerable.Range(0, request.Threads.Length);
            foreach (int k in round % 2 == 0 ? order : order.Reverse())
            {
                cancellationToken.ThrowIfCancellationRequested();
                int threads = request.Threads[k];
                var measurement = request.InProcess
                    ? EngineBenchmark.MeasureConfiguration(loaded.World, loaded.Settings, threads, request.Repetitions, cancellationToken)
                    : await MeasureInChildAsync(request, threads, cancellationToken).ConfigureAwait(false);
                measurements[k].Add(measurement);
                string label = request.Rounds > 1 ? $"  round {round + 1}, threads {threads}" : $"  threads {threads}";
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: runs {string.Join(" ", measurement.Seconds.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))} s"));
            }
        }

        var report = new BenchReport
        {
            Machine = MachineInfo.Current(CpuModel()),
            Scenario = loaded.Name,
            Scale = request.Scale,
            PopulationMultiplier = request.Multiplier,
            EffectiveScale = request.EffectiveScale,
            Years = request.Years,
            Repetitions = request.Repetitions,
            Rounds = request.Rounds,
            Isolation = request.InProcess ? "in process" : "child process",
            StartedUtc = started,
            Results = EngineBenchmark.Summarise(measurements),
        };
        await AtomicFile.WriteAllTextAsync(request.Out, JsonSerializer.Serialize(report, Json) + "\n", cancellationToken).ConfigureAwait(false);
        Print(context, report);
        context.Output.WriteLine($"written to {request.Out}");
        return ExitCodes.Success;
    }

    private static async Task<ConfigurationMeasurement> MeasureInChildAsync(Request request, int threads, CancellationToken cancellationToken)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program to start a child process; use --in-process");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(BenchVerb).Assembly.Location);
        }

        foreach (string argument in new[]
        {
            "bench", "--child",
            "--scenario", request.Scenario,
            "--scale", request.Scale.ToString("R", CultureInfo.InvariantCulture),
            "--population-multiplier", request.Multiplier.ToString("R", CultureInfo.InvariantCulture),
            "--years", request.Years.ToString(CultureInfo.InvariantCulture),
            "--threads", threads.ToString(CultureInfo.InvariantCulture),
            "--repetitions", request.Repetitions.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {self}");
        using var registration = cancellationToken.Register(() =>
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        });
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        string text = await stdout.ConfigureAwait(false);
        string errors = await stderr.ConfigureAwait(false);
        string? line = text.Split('\n').FirstOrDefault(l => l.StartsWith(ChildMarker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"the child process for {threads} threads failed (exit code {process.ExitCode}): {errors.Trim()}");
        }

        return JsonSerializer.Deserialize<ConfigurationMeasurement>(line[ChildMarker.Length..], Json)
            ?? throw new InvalidOperationException("the child process returned no measurement");
    }

    private static void Print(CliContext context, BenchReport report)
    {
        var table = new Table().RoundedBorder();
        foreach (string column in new[] { "threads", "median s", "agent-years/s", "speed-up", "peak working set", "bytes/agent", "state bytes/agent", "year / stream" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var r in report.Results)
        {
            table.AddRow(
                r.Threads.ToString(CultureInfo.InvariantCulture),
                r.MedianSeconds.ToString("F2", CultureInfo.InvariantCulture),
                (r.AgentYearsPerSecond / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " M",
                r.Speedup.ToString("F2", CultureInfo.InvariantCulture) + "x",
                (r.PeakWorkingSetBytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB",
                r.BytesPerAgent.ToString("F1", CultureInfo.InvariantCulture),
                r.StateBytesPerAgent.ToString("F1", CultureInfo.InvariantCulture),
                r.StreamBoundRatio.ToString("F1", CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
        if (report.Rounds > 1)
        {
            int reference = report.Results.Min(r => r.Threads);
            foreach (var r in report.Results.Where(r => r.Threads != reference))
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"speed-up of {r.Threads} threads by round: {string.Join(" ", r.RoundSpeedups.Select(x => x.ToString("F2", CultureInfo.InvariantCulture) + "x"))} (median {r.MedianRoundSpeedup:F2}x; the table's is of the pooled runs)"));
            }
        }

        var first = report.Results.FirstOrDefault();
        if (first is not null)
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{first.AgentYears:N0} agent-years ({first.AlumniYears:N0} alumni-years apart) over {first.YearsSimulated} simulated years; peak {first.PeakActiveAgents:N0} active agents; stream {first.StreamGigabytesPerSecond:F1} GB/s over {first.StreamBytes / 1048576.0:F0} MiB with {first.Threads} thread(s)"));
        }
    }

    /// <summary>The processor's model name from /proc/cpuinfo where there is one.</summary>
    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null)
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
            // Not fatal: the model is informative only.
        }

        return "unknown";
    }
}
