using Emulator.Core;
using Emulator.Protocol;

namespace Emulator.Services.CloudTrail;

/// <summary>CloudTrail's errors for LookupEvents (HTTP 400); every CloudTrail message text lives here (wording UNCONFIRMED).</summary>
public static class CloudTrailErrors
{
    /// <summary>
    /// CloudTrail's model has no generic validation error: a MaxResults out of 1..50 is InvalidMaxResultsException,
    /// a bad lookup attribute InvalidLookupAttributesException, an unknown EventCategory InvalidEventCategoryException,
    /// anything else InvalidParameterException.
    /// </summary>
    public static AwsException Validation(IReadOnlyList<Violation> violations)
    {
        var path = violations[0].Path;
        var code = path.StartsWith("maxResults", StringComparison.OrdinalIgnoreCase) ? "InvalidMaxResultsException"
            : path.StartsWith("lookupAttributes", StringComparison.OrdinalIgnoreCase) ? "InvalidLookupAttributesException"
            : path.StartsWith("eventCategory", StringComparison.OrdinalIgnoreCase) ? "InvalidEventCategoryException"
            : "InvalidParameterException";
        return new(code, InputValidator.Describe(violations));
    }

    public static AwsException OneLookupAttribute() =>
        new("InvalidLookupAttributesException", "You can specify only one lookup attribute.");

    public static AwsException InvalidReadOnlyValue(string value) =>
        new("InvalidLookupAttributesException", $"The ReadOnly lookup attribute value must be true or false, got '{Shown.Bounded(value)}'.");

    public static AwsException InvalidTimeRange() =>
        new("InvalidTimeRangeException", "The start time must be before the end time.");

    /// <summary>The JSON protocol's own error for a value of the wrong type.</summary>
    public static AwsException NotATime(string member) =>
        Protocol.AwsJsonProtocol.Serialization($"{member} is not a timestamp (epoch seconds or ISO 8601).");

    public static AwsException InvalidNextToken() => new("InvalidNextTokenException", "Invalid NextToken.");
}
