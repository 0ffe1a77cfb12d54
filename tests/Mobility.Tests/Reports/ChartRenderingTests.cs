namespace Mobility.Tests.Reports;

using Mobility.Reports.Charts;
using Mobility.Reports.Html;

public class ChartRenderingTests
{
    [Fact]
    public void A_chart_renders_its_text_with_the_shipped_font()
    {
        var withText = new ScottPlot.Plot();
        withText.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 2, 4, 3 });
        withText.Title("Regional image of Kazakhstan");
        withText.XLabel("year");
        var withoutText = new ScottPlot.Plot();
        withoutText.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 2, 4, 3 });

        ChartImage a = ChartImage.Render("a.png", "with text", withText);
        ChartImage b = ChartImage.Render("b.png", "without text", withoutText);

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, a.Png[..4]);
        // Blank text (no font) would leave the two images nearly identical in size; drawn glyphs add detail.
        Assert.True(a.Png.Length > b.Png.Length + 1000, $"title and label add {a.Png.Length - b.Png.Length} bytes");
    }

    [Fact]
    public void An_html_report_embeds_its_charts_and_encodes_text()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2 }, new double[] { 1, 2 });
        var report = new HtmlReport("Fit <test>")
            .Heading("Section")
            .Table(["origin", "value"], [["KAZ", "1.5"]])
            .Chart(ChartImage.Render("line.png", "a line", plot));

        string html = report.ToString();

        Assert.Contains("<title>Fit &lt;test&gt;</title>", html);
        Assert.Contains("data-chart=\"line.png\"", html);
        Assert.Contains("src=\"data:image/png;base64,", html);
        Assert.DoesNotContain("http", html);
        Assert.Contains("<td class=\"num\">1.5</td>", html);
    }

    [Fact]
    public void Scenario_names_are_not_broken_at_their_hyphens()
    {
        var report = new HtmlReport("Scenario comparison versus baseline")
            .KeepWhole(["baseline", "kz-education-export", "kz-education-export-2"])
            .Paragraph("kz-education-export and kz-education-export-2 compared with baseline")
            .Table(["scenario"], [["kz-education-export"]])
            .Preformatted("kz-education-export");

        string html = report.ToString();

        Assert.Contains("<p><span class=\"nowrap\">kz-education-export</span> and <span class=\"nowrap\">kz-education-export-2</span> compared with baseline</p>", html);
        Assert.Contains("<td><span class=\"nowrap\">kz-education-export</span></td>", html);
        Assert.Contains("<pre>kz-education-export</pre>", html);
        Assert.Contains(".nowrap { white-space: nowrap; }", html);
    }
}
