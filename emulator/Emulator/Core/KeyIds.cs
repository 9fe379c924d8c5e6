using System.Security.Cryptography;

namespace Emulator.Core;

/// <summary>
/// AWS's access key ids (<c>AKIA</c>/<c>ASIA</c> + 16 characters) and unique ids (<c>AROA</c>/<c>AIDA</c> + 17): base32
/// (<c>A-Z2-7</c>) of 10 random-looking bytes whose first 48 bits hold a set marker bit, the 12-digit account id (40
/// bits) and 7 more bits. The decoding is the published one (A. Steele 2020, T. Be'ery: account = (first 6 bytes &amp;
/// 0x7FFFFFFFFF80) &gt;&gt; 7), so STS GetAccessKeyInfo and third-party tools find the account in the emulator's ids.
/// </summary>
public static class KeyIds
{
    public const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const string UserAccessKey = "AKIA";
    public const string TemporaryAccessKey = "ASIA";
    public const string Role = "AROA";
    public const string User = "AIDA";
    public const string Group = "AGPA";
    public const string Policy = "ANPA";
    private const int EncodedLength = 16;
    private const ulong AccountMask = 0x7FFF_FFFF_FF80;
    private const ulong MarkerBit = 1UL << 47;

    /// <summary>An access key id: prefix + 16 base32 characters encoding the account.</summary>
    public static string AccessKeyId(string prefix, string accountId) => prefix + Encode(accountId);

    /// <summary>A role or user unique id: prefix + 17 base32 characters, the first 16 encoding the account.</summary>
    public static string UniqueId(string prefix, string accountId) => prefix + Encode(accountId) + Ids.From(Base32, 1);

    /// <summary>Keys AWS would have issued: the emulator must know them, it never guesses who they belong to.</summary>
    public static bool LooksIssued(string accessKeyId) =>
        accessKeyId.StartsWith(UserAccessKey, StringComparison.Ordinal) || accessKeyId.StartsWith(TemporaryAccessKey, StringComparison.Ordinal);

    /// <summary>The account encoded in a key or unique id (4-letter prefix + at least 16 base32 characters); null when it has none.</summary>
    public static string? AccountOf(string id)
    {
        if (id.Length < 4 + EncodedLength || !id[..4].All(char.IsAsciiLetterUpper)) return null;
        var bytes = Decode(id.AsSpan(4, EncodedLength));
        if (bytes is null) return null;
        ulong head = 0;
        foreach (var b in bytes.AsSpan(0, 6)) head = (head << 8) | b;
        var account = (head & AccountMask) >> 7;
        return account <= 999_999_999_999 ? account.ToString("D12") : null;
    }

    private static string Encode(string accountId)
    {
        var bytes = RandomNumberGenerator.GetBytes(10);
        var head = MarkerBit | (ulong.Parse(accountId) << 7) | (bytes[5] & 0x7FUL);
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(head >> (8 * (5 - i)));
        var text = new char[EncodedLength];
        for (var i = 0; i < EncodedLength; i++) text[i] = Base32[Bits(bytes, i * 5)];
        return new string(text);
    }

    private static byte[]? Decode(ReadOnlySpan<char> text)
    {
        var bytes = new byte[10];
        for (var i = 0; i < text.Length; i++)
        {
            var value = Base32.IndexOf(text[i]);
            if (value < 0) return null;
            for (var bit = 0; bit < 5; bit++)
                if ((value & (0x10 >> bit)) != 0) bytes[(i * 5 + bit) / 8] |= (byte)(0x80 >> ((i * 5 + bit) % 8));
        }
        return bytes;
    }

    /// <summary>The 5-bit group starting at bit <paramref name="offset"/> (big-endian).</summary>
    private static int Bits(byte[] bytes, int offset)
    {
        var value = 0;
        for (var bit = 0; bit < 5; bit++)
            value = (value << 1) | ((bytes[(offset + bit) / 8] >> (7 - (offset + bit) % 8)) & 1);
        return value;
    }
}
