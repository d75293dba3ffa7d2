namespace Remediator.Core.Audit;

/// <summary>
/// Whether two globs match at least one common string. <c>*</c> is any run of characters and <c>?</c> exactly one, as in
/// ArnLike; <see cref="SegmentStar"/> is any run without <c>/</c> (what a stage name, a method or a <c>{param}</c> path
/// segment can be in the source ARN API Gateway presents). A statement is stale only when it overlaps no current method or
/// route, so the test must never say "no" when the answer is "yes": it decides the question exactly, by dynamic programming
/// over both patterns (no backtracking).
/// </summary>
internal static class GlobOverlap
{
    /// <summary>Any run of characters but <c>/</c>.</summary>
    public const char SegmentStar = '\u001F';

    public static bool Overlaps(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);

        // reach[i, j]: some string takes left[..i] and right[..j] to the same point. Characters two stars match at once
        // can be chosen freely (and so never '/'), which is why stepping over either star covers that case.
        var reach = new bool[left.Length + 1, right.Length + 1];
        reach[0, 0] = true;
        for (int i = 0; i <= left.Length; i++)
        {
            for (int j = 0; j <= right.Length; j++)
            {
                if (!reach[i, j])
                {
                    continue;
                }

                bool leftStar = i < left.Length && IsStar(left[i]);
                bool rightStar = j < right.Length && IsStar(right[j]);
                if (leftStar)
                {
                    reach[i + 1, j] = true;
                }

                if (rightStar)
                {
                    reach[i, j + 1] = true;
                }

                if (i == left.Length || j == right.Length)
                {
                    continue;
                }

                char l = left[i], r = right[j];
                if (leftStar && !rightStar)
                {
                    // The left star takes the character the right side matches next.
                    reach[i, j + 1] |= l == '*' || r != '/';
                }
                else if (rightStar && !leftStar)
                {
                    reach[i + 1, j] |= r == '*' || l != '/';
                }
                else if (!leftStar && (l == r || l == '?' || r == '?'))
                {
                    reach[i + 1, j + 1] = true;
                }
            }
        }

        return reach[left.Length, right.Length];
    }

    private static bool IsStar(char c) => c is '*' or SegmentStar;
}
