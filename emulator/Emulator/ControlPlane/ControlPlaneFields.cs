namespace Emulator.ControlPlane;

/// <summary>
/// Model-like limits for control-plane fields, so no value the API would refuse (too long, control characters)
/// reaches the store through the back door: lengths follow identitystore's UserName (128), DisplayName and email (1024).
/// </summary>
public static class ControlPlaneFields
{
    public const int AccountId = 12;
    public const int IdentityStoreId = 36;
    public const int UserName = 128;
    public const int Password = 256;
    public const int Text = 1024;
    public const int UserCode = 64;

    /// <summary>The first problem with the given fields (over the limit, or a control character), or null.</summary>
    public static string? Problem(params (string Name, string? Value, int Max)[] fields)
    {
        foreach (var (name, value, max) in fields)
        {
            if (value is null) continue;
            if (value.Length > max) return $"{name} must be at most {max} characters.";
            if (value.Any(char.IsControl)) return $"{name} must not contain control characters.";
        }
        return null;
    }
}
