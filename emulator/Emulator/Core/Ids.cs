using System.Security.Cryptography;

namespace Emulator.Core;

/// <summary>Random identifiers in AWS's formats. Cryptographically random (request ids aside), so concurrent callers never collide in practice.</summary>
public static class Ids
{
    private const string LowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string UpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Hex = "0123456789abcdef";
    private const string Digits = "0123456789";
    private const string Base64ish = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static string From(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);

    public static string LowerAlphanumeric(int length) => From(LowerAlnum, length);
    public static string UpperAlphanumeric(int length) => From(UpperAlnum, length);
    public static string LowerHex(int length) => From(Hex, length);
    public static string Secret(int length) => From(Base64ish, length);

    /// <summary>A 12-digit account id that never starts with 0, so it cannot be mistaken for the default account.</summary>
    public static string AccountId() => From("123456789", 1) + From(Digits, 11);

    /// <summary>
    /// A random (version 4) GUID's text, for ids that must be unique but are no secret (request ids, CloudTrail event
    /// ids): its bits come from the process's fast generator, seeded by the OS, instead of a system call per request as
    /// <see cref="Guid.NewGuid"/> makes.
    /// </summary>
    public static string Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }
}
