namespace Mobility.Reports.Html;

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Mobility.Reports.Charts;

/// <summary>
/// A self-contained HTML page (inline CSS, charts embedded as base64 PNG data URIs) that opens in any browser with no
/// network. Reports (comparison, fit, sensitivity) build their content with it and save it atomically.
/// </summary>
public sealed class HtmlReport
{
    private readonly StringBuilder body = new();
    private readonly string title;
    private Regex? unbreakable;

    public HtmlReport(string title)
    {
        this.title = title;
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Names (e.g. of scenarios) that headings, paragraphs, lists and tables must not break across lines: a browser
    /// would otherwise split "kz-education-export" at its hyphens. Preformatted text is left as it is.
    /// </summary>
    public HtmlReport KeepWhole(IEnumerable<string> names)
    {
        string[] breakable = names.Where(n => n.Any(ch => ch is '-' or ' ')).Distinct().OrderByDescending(n => n.Length).ToArray();
        unbreakable = breakable.Length == 0 ? null : new Regex(string.Join("|", breakable.Select(n => Regex.Escape(Encode(n)))));
        return this;
    }

    public HtmlReport Heading(string text, int level = 2)
    {
        body.Append(CultureInfo.InvariantCulture, $"<h{level}>{Text(text)}</h{level}>\n");
        return this;
    }

    public HtmlReport Paragraph(string text, string? cssClass = null)
    {
        string cls = cssClass is null ? "" : $" class=\"{Encode(cssClass)}\"";
        body.Append(CultureInfo.InvariantCulture, $"<p{cls}>{Text(text)}</p>\n");
        return this;
    }

    public HtmlReport List(IEnumerable<string> items)
    {
        body.Append("<ul>\n");
        foreach (string item in items)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li>{Text(item)}</li>\n");
        }

        body.Append("</ul>\n");
        return this;
    }

    /// <summary>
    /// A table; cells are text (encoded, names of <see cref="KeepWhole"/> kept on one line). Numeric-looking cells
    /// (thousands separators allowed) are right-aligned. A table wider than the page scrolls sideways.
    /// </summary>
    public HtmlReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? id = null)
    {
        string idAttribute = id is null ? "" : $" id=\"{Encode(id)}\"";
        body.Append(CultureInfo.InvariantCulture, $"<table{idAttribute}>\n<thead><tr>");
        foreach (string h in header)
        {
            body.Append(CultureInfo.InvariantCulture, $"<th>{Text(h)}</th>");
        }

        body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            body.Append("<tr>");
            foreach (string cell in row)
            {
                bool numeric = double.TryParse(cell, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
                body.Append(numeric ? "<td class=\"num\">" : "<td>").Append(Text(cell)).Append("</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</tbody></table>\n");
        return this;
    }

    /// <summary>Embeds a chart as a data URI, with its caption; the file name is kept as an attribute for cross-reference.</summary>
    public HtmlReport Chart(ChartImage chart)
    {
        string data = Convert.ToBase64String(chart.Png);
        body.Append(CultureInfo.InvariantCulture,
            $"<figure data-chart=\"{Encode(chart.FileName)}\"><img alt=\"{Encode(chart.Caption)}\" src=\"data:image/png;base64,{data}\"/>"
            + $"<figcaption>{Encode(chart.Caption)}</figcaption></figure>\n");
        return this;
    }

    /// <summary>Preformatted text (e.g. resolved settings), encoded.</summary>
    public HtmlReport Preformatted(string text)
    {
        body.Append("<pre>").Append(Encode(text)).Append("</pre>\n");
        return this;
    }

    /// <summary>Opens a collapsible section; close it with <see cref="EndDetails"/>.</summary>
    public HtmlReport BeginDetails(string summary)
    {
        body.Append(CultureInfo.InvariantCulture, $"<details><summary>{Encode(summary)}</summary>\n");
        return this;
    }

    public HtmlReport EndDetails()
    {
        body.Append("</details>\n");
        return this;
    }

    public override string ToString()
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
        page.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>\n");
        page.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        page.Append(CultureInfo.InvariantCulture, $"<h1>{Text(title)}</h1>\n");
        page.Append(body);
        page.Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>Encoded text, with the names of <see cref="KeepWhole"/> in spans that do not wrap.</summary>
    private string Text(string text)
    {
        string encoded = Encode(text);
        return unbreakable is null ? encoded : unbreakable.Replace(encoded, m => $"<span class=\"nowrap\">{m.Value}</span>");
    }

    private const string Style = """
        body { font-family: "DejaVu Sans", Verdana, sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }
        h1 { border-bottom: 2px solid #345; padding-bottom: .3em; }
        h2 { margin-top: 2em; color: #345; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 90%; display: block; max-width: 100%; overflow-x: auto; }
        th, td { border: 1px solid #ccc; padding: .25em .6em; }
        th { background: #eef; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1.5em 0; }
        figure img { max-width: 100%; border: 1px solid #ddd; }
        figcaption { font-size: 90%; color: #555; }
        pre { background: #f6f6f6; padding: .8em; overflow-x: auto; font-size: 85%; }
        .summary { font-size: 110%; }
        .nowrap { white-space: nowrap; }
        """;
}
