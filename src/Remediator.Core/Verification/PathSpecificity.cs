namespace Remediator.Core.Verification;

/// <summary>
/// How specific a template match is, compared segment by segment from the left: a literal beats a
/// parameter, a parameter beats a greedy parameter; when one is a prefix of the other the longer
/// (deeper) template wins. This is API Gateway's "most specific match wins".
/// </summary>
public sealed class PathSpecificity : IComparable<PathSpecificity>
{
    private readonly SegmentKind[] kinds;

    internal PathSpecificity(SegmentKind[] kinds) => this.kinds = kinds;

    /// <summary>Segment kinds of the matching template, left to right.</summary>
    public IReadOnlyList<SegmentKind> Kinds => kinds;

    /// <summary>Negative when this is more specific than <paramref name="other"/>.</summary>
    public int CompareTo(PathSpecificity? other)
    {
        if (other is null)
        {
            return -1;
        }

        int shared = Math.Min(kinds.Length, other.kinds.Length);
        for (int i = 0; i < shared; i++)
        {
            int difference = kinds[i].CompareTo(other.kinds[i]);
            if (difference != 0)
            {
                return difference;
            }
        }

        return other.kinds.Length.CompareTo(kinds.Length);
    }
}
