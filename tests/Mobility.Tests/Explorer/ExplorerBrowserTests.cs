namespace Mobility.Tests.Explorer;

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mobility.Explorer;
using Mobility.Tests.Cli;
using Mobility.Tests.Engine;
using Mobility.Tests.IO;

/// <summary>
/// The explorer in a real browser (Debian's chromium driven by Playwright, launched by its path; no browser is
/// downloaded): open the page, add and change a lever, see a validation error beside its control, run, read the
/// effect table, download the candidate and have the CLI validate it. The page fetches nothing but the server.
/// </summary>
public sealed class ExplorerBrowserTests
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
        "--disable-sync", "--metrics-recording-only", "--no-first-run", "--disable-features=Translate,OptimizationHints,MediaRouter",
    ];

    [ChromiumFact]
    public async Task A_user_edits_a_lever_sees_an_error_runs_reads_the_effects_and_downloads_a_valid_scenario()
    {
        var options = new ExplorerOptions
        {
            Port = 0,
            ScenariosFolder = Path.Combine(EngineTestKit.RepositoryRoot, "scenarios"),
            Threads = EngineTestKit.Threads,
            WarmUp = false,
        };
        await using var app = ExplorerServer.Build(options);
        await app.StartAsync();
        string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.Chromium, Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(url, StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };

        await page.GotoAsync(url + "/");
        await Assertions.Expect(page.Locator("#reference option")).Not.ToHaveCountAsync(0);

        // A new candidate with one lever, set through its labelled controls.
        await page.GetByLabel("Candidate name").FillAsync("e2e-visa");
        // Coarse and short for the test; the README's picture (EXPLORER_SCREENSHOT_PATH set) shows the default what-if.
        string? screenshot = Environment.GetEnvironmentVariable("EXPLORER_SCREENSHOT_PATH");
        await page.GetByLabel("Replications").FillAsync(string.IsNullOrEmpty(screenshot) ? "2" : "10");
        await page.GetByLabel("Scale (persons per agent)").FillAsync(string.IsNullOrEmpty(screenshot) ? "100" : "10");
        await page.GetByLabel("Add a lever").SelectOptionAsync("visaFacilitation");
        await page.GetByLabel("Instance name").FillAsync("v");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add lever" }).ClickAsync();
        await page.GetByLabel("start", new() { Exact = true }).FillAsync("2027");

        // A value the validator refuses: its message appears beside the control.
        await page.GetByLabel("reduction", new() { Exact = true }).FillAsync("1.7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
        var error = page.Locator("[data-path='policies:visaFacilitation:v:reduction'] .error");
        await Assertions.Expect(error).ToContainTextAsync("must be between 0 and 1 (was 1.7)");

        // Fixed, and run from the keyboard.
        await page.GetByLabel("reduction", new() { Exact = true }).FillAsync("0.8");
        await page.Locator("#run").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Done", new() { Timeout = 300_000 });
        await Assertions.Expect(error).ToBeEmptyAsync();

        var rows = page.Locator("#effects tbody tr");
        Assert.True(await rows.CountAsync() > 5, "the effect table has almost no rows");
        var kazakhstan = await page.Locator("#effects tbody tr", new() { HasText = "KAZ" }).First.InnerTextAsync();
        Assert.Matches(@"\(.+ to .+\)", kazakhstan);
        Assert.Equal("e2e-visa: change (95% interval)", await page.Locator("#effects thead th").Last.InnerTextAsync());

        if (!string.IsNullOrEmpty(screenshot))
        {
            // The README's picture: the run and the top of the effects, at 1280x800.
            await page.EvaluateAsync("() => document.getElementById('actions').scrollIntoView()");
            await page.ScreenshotAsync(new() { Path = screenshot });
        }

        // The candidate as a scenario file, which the CLI accepts beside the reference.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download scenario JSON" }).ClickAsync());
        using var temp = new TempFolder();
        File.Copy(Path.Combine(EngineTestKit.RepositoryRoot, "scenarios", "baseline.json"), temp.File("baseline.json"));
        Directory.CreateDirectory(temp.File("world"));
        foreach (string file in Directory.EnumerateFiles(Path.Combine(EngineTestKit.RepositoryRoot, "scenarios", "world")))
        {
            File.Copy(file, temp.File(Path.Combine("world", Path.GetFileName(file))));
        }

        string saved = temp.File(download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        Assert.Equal("e2e-visa.json", download.SuggestedFilename);
        CliHarness.AssertSuccess(CliHarness.Run("validate", saved));

        Assert.True(foreign.Count == 0, "the page fetched from elsewhere: " + string.Join(", ", foreign));
        await app.StopAsync();
    }
}
