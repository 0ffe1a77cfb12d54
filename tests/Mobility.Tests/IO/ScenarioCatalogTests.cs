namespace Mobility.Tests.IO;

using Mobility.Input.Configuration;

public class ScenarioCatalogTests
{
    [Fact]
    public void The_shipped_scenarios_are_the_baseline_first_then_every_overlay_over_it()
    {
        var files = ScenarioCatalog.BaselineAndOverlays(Path.Combine(TestFiles.RepositoryRoot, "scenarios"))
            .Select(f => Path.GetFileNameWithoutExtension(f)!).ToArray();

        Assert.Equal(["baseline", "bolashak-expansion", "kz-education-export", "russia-shock", "ucahes-full", "ucahes-recognition"], files);
    }

    [Fact]
    public void Files_not_layered_over_the_baseline_are_left_out()
    {
        using var temp = new TempFolder();
        temp.Write("baseline.json", """{ "scenario": { "name": "baseline" } }""");
        temp.Write("overlay.json", """{ "base": "baseline.json", "scenario": { "name": "o" } }""");
        temp.Write("deep.json", """{ "base": "overlay.json", "scenario": { "name": "d" } }""");
        temp.Write("standalone.json", """{ "scenario": { "name": "s" } }""");

        var files = ScenarioCatalog.BaselineAndOverlays(temp.Path).Select(f => Path.GetFileName(f)!).ToArray();

        Assert.Equal(["baseline.json", "deep.json", "overlay.json"], files);
    }
}
