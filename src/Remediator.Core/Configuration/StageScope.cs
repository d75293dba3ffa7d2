namespace Remediator.Core.Configuration;

/// <summary>How wide the stage part of a granted source ARN is.</summary>
public enum StageScope
{
    /// <summary><c>*</c> for the stage: the API's every stage may invoke the function.</summary>
    Any,

    /// <summary>Only the stage whose failure was observed.</summary>
    Stage,
}
