namespace Mobility.Explorer;

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mobility.Explorer.Assets;
using Mobility.Explorer.Candidates;
using Mobility.Explorer.Jobs;
using Mobility.Explorer.Responses;

/// <summary>
/// The explorer's server: the page's files and a small JSON API. Every request that names scenarios or levers is
/// checked by the CLI's loader and validator; problems come back as <c>{"problems":[{"field","message"}]}</c> with
/// status 422 (400 for a body that is not JSON, 413 for one too large), never a stack trace. What-ifs go through one
/// queue (<see cref="JobQueue"/>), one per client at a time, cancellable, with progress as server-sent events.
/// </summary>
public static class ExplorerServer
{
    /// <summary>The header the page sends with a random id per browser tab: one job per client at a time.</summary>
    public const string ClientHeader = "X-Explorer-Client";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Builds the server for <c>mobility serve</c> (Kestrel on the options' host and port).</summary>
    public static WebApplication Build(ExplorerOptions options, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://{(options.Host.Contains(':', StringComparison.Ordinal) ? $"[{options.Host}]" : options.Host)}:{options.Port}"));
        AddServices(builder.Services, options);
        var app = builder.Build();
        Configure(app, options);
        Map(app);
        return app;
    }

    public static void AddServices(IServiceCollection services, ExplorerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new ScenarioWorkspace(options.ScenariosFolder));
        services.AddSingleton<WhatIfRunner>();
        services.AddSingleton<FitLine>();
        services.AddSingleton<JobQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<JobQueue>());
        if (options.WarmUp)
        {
            services.AddHostedService<WarmUp>();
        }
    }

    /// <summary>The middleware: errors as JSON problems, the body size limit, and headers that keep the page to its own files.</summary>
    public static void Configure(IApplicationBuilder app, ExplorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = options.MaxRequestBytes;
            }

            if (context.Request.ContentLength > options.MaxRequestBytes)
            {
                await Problems(context, StatusCodes.Status413PayloadTooLarge, new Problem("", $"the request is larger than {options.MaxRequestBytes} bytes")).ConfigureAwait(false);
                return;
            }

            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                await Problems(context, ex.StatusCode, new Problem("", ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"the request is larger than {options.MaxRequestBytes} bytes" : "bad request")).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // any failure becomes a JSON problem; the server stays up
            catch (Exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
            {
                await Problems(context, StatusCodes.Status500InternalServerError, new Problem("", "internal error: the request failed, the server is still running")).ConfigureAwait(false);
            }
        });
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/{file}", (string file) => Asset(file));

        app.MapGet("/api/catalogue", (ScenarioWorkspace workspace) =>
        {
            var shipped = workspace.Shipped();
            var root = shipped.FirstOrDefault(s => s.Base is null) ?? throw new RequestRejectedException("no root scenario (a file without 'base') in the scenarios folder");
            var world = workspace.Load(root.File, null, WhatIfRequest.MaxScale).World;
            var catalogue = LeverCatalogue.Of(world);
            catalogue["scenarios"] = new JsonArray(shipped.Select(s => (JsonNode)new JsonObject
            {
                ["file"] = s.File,
                ["name"] = s.Name,
                ["description"] = s.Description,
                ["base"] = s.Base,
                ["policies"] = s.Policies,
            }).ToArray());
            catalogue["limits"] = new JsonObject
            {
                ["maxCandidates"] = WhatIfRequest.MaxCandidates,
                ["minReplications"] = WhatIfRequest.MinReplications,
                ["maxReplications"] = WhatIfRequest.MaxReplications,
                ["minScale"] = WhatIfRequest.MinScale,
                ["maxScale"] = WhatIfRequest.MaxScale,
            };
            return Results.Json(catalogue);
        });

        app.MapPost("/api/validate", (HttpContext context, ScenarioWorkspace workspace) => Handle(context, async () =>
        {
            var body = await Read<CandidateBody>(context).ConfigureAwait(false);
            var loaded = workspace.Load(body.Reference, body.Candidate ?? throw Missing("candidate"), WhatIfRequest.MaxScale);
            var info = loaded.Settings.Scenario;
            return Results.Json(new { ok = true, name = loaded.Name, years = $"{info.StartYear}-{info.EndYear}" });
        }));

        app.MapPost("/api/scenario-json", (HttpContext context, ScenarioWorkspace workspace) => Handle(context, async () =>
        {
            var body = await Read<CandidateBody>(context).ConfigureAwait(false);
            var candidate = body.Candidate ?? throw Missing("candidate");
            workspace.Load(body.Reference, candidate, WhatIfRequest.MaxScale);
            return Results.File(Encoding.UTF8.GetBytes(workspace.ScenarioJson(body.Reference, candidate)), "application/json", candidate.Name + ".json");
        }));

        app.MapPost("/api/jobs", (HttpContext context, WhatIfRunner runner, JobQueue queue) => Handle(context, async () =>
        {
            var request = await Read<WhatIfRequest>(context).ConfigureAwait(false);
            string client = Client(context);
            if (queue.ActiveOf(client) is { } active)
            {
                return Results.Json(new { problems = new[] { new Problem("", "a what-if of yours is already queued or running; wait for it or cancel it") }, job = active.Id }, statusCode: StatusCodes.Status409Conflict);
            }

            var job = new ExplorerJob(client, request) { Loaded = runner.Check(request) };
            return queue.TryEnqueue(job)
                ? Results.Json(job.Describe(withResult: false), statusCode: StatusCodes.Status202Accepted)
                : Results.Json(new { problems = new[] { new Problem("", "a what-if of yours is already queued or running; wait for it or cancel it") } }, statusCode: StatusCodes.Status409Conflict);
        }));

        app.MapGet("/api/jobs/{id}", (string id, JobQueue queue) =>
            queue.Find(id) is { } job ? Results.Json(job.Describe(withResult: true)) : NotFound(id));

        app.MapDelete("/api/jobs/{id}", (string id, HttpContext context, JobQueue queue) =>
        {
            if (queue.Find(id) is not { } job || job.Client != Client(context))
            {
                return NotFound(id);
            }

            queue.Cancel(job);
            return Results.Json(job.Describe(withResult: false));
        });

        app.MapGet("/api/jobs/{id}/events", async (string id, HttpContext context, JobQueue queue) =>
        {
            if (queue.Find(id) is not { } job)
            {
                await NotFound(id).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            context.Response.Headers.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            string last = "";
            var token = context.RequestAborted;
            try
            {
                while (!token.IsCancellationRequested)
                {
                    bool finished = job.IsFinished;
                    string data = job.Describe(withResult: finished).ToJsonString();
                    if (data != last)
                    {
                        await context.Response.WriteAsync($"event: {(finished ? "finished" : "progress")}\ndata: {data}\n\n", token).ConfigureAwait(false);
                        await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
                        last = data;
                    }

                    if (finished)
                    {
                        break;
                    }

                    await Task.Delay(150, token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // the page went away
            }
        });

        app.MapPost("/api/fit", (HttpContext context, FitLine fit) => Handle(context, async () =>
        {
            var body = await Read<OpenBody>(context).ConfigureAwait(false);
            string reference = body.Reference ?? throw Missing("reference");
            string line = await Task.Run(() => fit.Of(reference), context.RequestAborted).ConfigureAwait(false);
            return Results.Json(new { line });
        }));

        app.MapPost("/api/open", (HttpContext context, ScenarioWorkspace workspace, ExplorerOptions options) => Handle(context, async () =>
        {
            var body = await Read<OpenBody>(context).ConfigureAwait(false);
            var root = workspace.Shipped().First(s => s.Base is null);
            var members = workspace.Load(root.File, null, WhatIfRequest.MaxScale).World.Countries.Where(c => c.IsMember).Select(c => c.Code).ToArray();
            return Results.Json(ComparisonFolder.Open(options.RunsFolder, body.Folder ?? "", members));
        }));
    }

    private static IResult Asset(string file)
        => StaticAssets.Find(file) is { } asset ? Results.Bytes(asset.Bytes, asset.ContentType) : Results.NotFound();

    private static IResult NotFound(string id)
        => Results.Json(new { problems = new[] { new Problem("", $"no what-if '{id}' of yours") } }, statusCode: StatusCodes.Status404NotFound);

    private static string Client(HttpContext context)
    {
        string header = context.Request.Headers[ClientHeader].ToString();
        return header.Length is > 0 and <= 64 ? header : context.Connection.RemoteIpAddress?.ToString() ?? "local";
    }

    private static RequestRejectedException Missing(string field) => new([new Problem(field, $"the request has no {field}")]);

    private static async Task<IResult> Handle(HttpContext context, Func<Task<IResult>> handle)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (RequestRejectedException ex)
        {
            _ = context;
            return Results.Json(new { problems = ex.Problems }, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        catch (JsonException ex)
        {
            return Results.Json(new { problems = new[] { new Problem("", "the request is not the JSON expected: " + ex.Message) } }, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<T> Read<T>(HttpContext context)
    {
        var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false);
        return value ?? throw new JsonException("the body is empty");
    }

    private static Task Problems(HttpContext context, int status, Problem problem)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { problems = new[] { problem } });
    }

    private sealed record CandidateBody(string Reference, CandidateRequest? Candidate);

    private sealed record OpenBody(string? Folder, string? Reference = null);

    /// <summary>Runs the default what-if reference (the root scenario, 10 replications, scale 10) once at start, so the first what-if finds it in the cache.</summary>
    private sealed class WarmUp(JobQueue queue, ScenarioWorkspace workspace, WhatIfRunner runner) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
            () =>
            {
                var root = workspace.Shipped().FirstOrDefault(s => s.Base is null);
                if (root is null)
                {
                    return;
                }

                var loaded = workspace.Load(root.File, null, 10);
                var scenarios = new[] { new Mobility.Experiments.Comparison.ComparisonScenario(loaded.Name, loaded.World, loaded.Settings) };
                Mobility.Experiments.Comparison.ScenarioComparison.Run(scenarios, 10, loaded.Settings.Scenario.Seed, Environment.ProcessorCount, null, stoppingToken, new Mobility.Experiments.Comparison.ComparisonExecution { Cache = runner.Cache });
                _ = queue;
            },
            stoppingToken);
    }
}
