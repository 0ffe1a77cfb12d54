namespace Mobility.Tests.Explorer;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mobility.Explorer;
using Mobility.Tests.Engine;

/// <summary>
/// The explorer's server in memory, over the project's scenarios, without the warm-up run. The entry point named is
/// the mobility program's (whose serve verb starts the explorer); the host is built here, as the verb builds it.
/// </summary>
public sealed class ExplorerFactory : WebApplicationFactory<Mobility.Cli.CliContext>
{
    public ExplorerFactory()
    {
        RunsFolder = Path.Combine(Path.GetTempPath(), "mobility-explorer-tests-" + Guid.NewGuid().ToString("N")[..8], "runs");
        Directory.CreateDirectory(RunsFolder);
        Options = new ExplorerOptions
        {
            ScenariosFolder = Path.Combine(EngineTestKit.RepositoryRoot, "scenarios"),
            RunsFolder = RunsFolder,
            Threads = EngineTestKit.Threads,
            WarmUp = false,
            MaxRequestBytes = 64 * 1024,
        };
    }

    public string RunsFolder { get; }

    public ExplorerOptions Options { get; }

    protected override IHostBuilder CreateHostBuilder() => Host.CreateDefaultBuilder()
        .ConfigureWebHostDefaults(web =>
        {
            web.UseContentRoot(EngineTestKit.RepositoryRoot);
            web.ConfigureServices(services =>
            {
                services.AddRouting();
                ExplorerServer.AddServices(services, Options);
            });
            web.Configure(app =>
            {
                ExplorerServer.Configure(app, Options);
                app.UseRouting();
                app.UseEndpoints(ExplorerServer.Map);
            });
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Path.GetDirectoryName(RunsFolder)!, recursive: true);
        }
        catch (IOException)
        {
            // temporary folder
        }
    }
}
