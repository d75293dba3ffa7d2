namespace Remediator.Benchmarks.ColdStart;

/// <summary>Nearest-rank percentiles of a small sample.</summary>
internal static class Percentiles
{
    public static double Median(IReadOnlyCollection<double> values) => Of(values, 0.5);

    public static double Of(IReadOnlyCollection<double> values, double p)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length == 0
            ? double.NaN
            : sorted[(int)Math.Clamp(Math.Round(p * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }
}
