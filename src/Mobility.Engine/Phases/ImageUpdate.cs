namespace Mobility.Engine.Phases;

using Mobility.Engine.State;

/// <summary>
/// Step 11: image(o,h) &lt;- (1-lambda)*image + lambda*((1-w)*baseline + w*meanAttitude), with w = A/(A + K*pop(o)/1e6)
/// and A the persons among o's alumni of h who live in o.
/// </summary>
internal static class ImageUpdate
{
    public static void Run(SimulationState s)
    {
        var k = s.Settings.Image;
        var baseline = s.World.BaselineImage;
        for (int o = 0; o < s.CountryCount; o++)
        {
            double halfWeight = k.K * s.Countries[o].Population / 1e6;
            for (int h = 0; h < s.CountryCount; h++)
            {
                if (o == h)
                {
                    continue;
                }

                double alumni = s.ResidentAlumni[o, h] * s.Scale;
                double w = alumni > 0 ? alumni / (alumni + halfWeight) : 0;
                double attitude = alumni > 0 ? s.ResidentAlumniAttitude[o, h] / s.ResidentAlumni[o, h] : 0;
                double target = ((1 - w) * baseline[o, h]) + (w * attitude);
                s.Image[o, h] = ((1 - k.Lambda) * s.Image[o, h]) + (k.Lambda * target);
            }
        }
    }
}
