namespace Mobility.Tests.Explorer;

/// <summary>A browser test: runs where Debian's chromium is installed (/usr/bin/chromium), and is skipped, saying why, where it is not.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"browser test skipped: chromium is not installed at {Chromium} (install it with 'apt-get install -y chromium'; .ci/run does)";
        }
    }
}
