using Emulator.Core;
using Emulator.Hosting;
using Emulator.Protocol;
using Emulator.Services;
using Emulator.State;

namespace Emulator.Auth;

/// <summary>
/// Runs before any handler of a signed call: the key must be one the emulator honours (see <see cref="Callers"/>) and,
/// with <c>--verify-signatures</c>, the SigV4 signature must be right for that key's secret. The caller identified here
/// is the request's caller: a request is identified once.
/// </summary>
public static class RequestAuthentication
{
    /// <returns>
    /// The request payload (an aws-chunked body decoded to its data) and who calls (<see cref="Caller.Anonymous"/>
    /// for an unsigned request).
    /// </returns>
    public static (byte[] Body, Caller Caller) Check(HttpRequest request, byte[] body, SigV4Credential? credential, ServiceModel model,
        StateStore store, EmulatorOptions options, DateTimeOffset now)
    {
        if (credential is null) return (body, Caller.Anonymous);
        var identification = store.Read(tx => Callers.Identify(tx, credential.AccessKeyId, credential.SessionToken, options, now));
        if (options.VerifySignatures)
        {
            if (identification.Secret is { } secret) body = SignatureVerifier.Verify(request, body, credential, secret, model, now);
        }
        else if (AwsChunkedBody.IsChunked(request)) body = AwsChunkedBody.Decode(body, model, signing: null);
        if (identification.Refusal is { } refusal) throw AuthErrors.For(refusal, model);
        return (body, identification.Caller!);
    }
}
