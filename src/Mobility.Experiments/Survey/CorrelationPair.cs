namespace Mobility.Experiments.Survey;

/// <summary>The correlation of two survey columns over <see cref="N"/> respondents who answered both.</summary>
public sealed record CorrelationPair(string A, string B, int N, double Pearson, double PearsonP, double Spearman, double SpearmanP);
