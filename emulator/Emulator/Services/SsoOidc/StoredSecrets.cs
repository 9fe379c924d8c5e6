using System.Security.Cryptography;
using System.Text;

namespace Emulator.Services.SsoOidc;

/// <summary>Secrets the emulator only needs to compare (OIDC client secrets, refresh tokens) are stored as SHA-256 hashes.</summary>
public static class StoredSecrets
{
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
}
