using System.Collections.Concurrent;
using Emulator.Core;
using Emulator.Services.Sso;
using Emulator.Services.TrustModel;
using Emulator.State;

namespace Emulator.Services.SsoOidc;

/// <summary>The outcome of a user's attempt to approve (or deny) a device authorization.</summary>
public enum DeviceDecision { Approved, Denied, UnknownCode, Expired, AlreadyDecided, Unavailable }

/// <summary>
/// The device flow's shared steps: find a request by its user code, and approve or deny it as a signed-in user. The portal
/// page and POST /_emulator/sso/device/approve both go through <see cref="Decide"/>, so they behave the same.
/// </summary>
public static class DeviceAuthorizations
{
    public const int ExpiresInSeconds = 600;
    public const int IntervalSeconds = 1;
    private const string UserCodeLetters = "BCDFGHJKLMNPQRSTVWXZ";

    /// <summary>When each device code was last polled, and its current interval (slow_down adds 5 s). Kept outside the
    /// store because a poll that is refused must still count, and a refused call's transaction is rolled back.</summary>
    private static readonly ConcurrentDictionary<string, (DateTimeOffset LastPoll, int Interval)> Polls = new();

    /// <summary>A user code no live authorization uses (an id lookup; an expired holder is purged on the way).</summary>
    public static string NewUserCode(Tx tx, DateTimeOffset now)
    {
        while (true)
        {
            var code = Ids.From(UserCodeLetters, 4) + "-" + Ids.From(UserCodeLetters, 4);
            if (tx.UserCodes.FindById(code) is not { } taken) return code;
            if (taken.ExpiresAt > now) continue;
            if (tx.DeviceAuthorizations.FindById(taken.DeviceCode) is { } stale) Delete(tx, stale);
            else tx.UserCodes.Delete(code);
            return code;
        }
    }

    public static void IndexUserCode(Tx tx, DeviceAuthorizationDoc authorization) =>
        tx.UserCodes.Insert(new UserCodeDoc { UserCode = authorization.UserCode, DeviceCode = authorization.DeviceCode, ExpiresAt = authorization.ExpiresAt });

    /// <summary>Deletes the authorization with its user code and polling record.</summary>
    public static void Delete(Tx tx, DeviceAuthorizationDoc authorization)
    {
        tx.DeviceAuthorizations.Delete(authorization.DeviceCode);
        tx.UserCodes.Delete(authorization.UserCode);
        Forget(authorization.DeviceCode);
    }

    /// <summary>"bcdf ghjk", "BCDFGHJK" and "BCDF-GHJK" all name the same code.</summary>
    public static string NormalizeUserCode(string userCode)
    {
        var letters = new string(userCode.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return letters.Length == 8 ? letters[..4] + "-" + letters[4..] : letters;
    }

    public static DeviceAuthorizationDoc? FindByUserCode(Tx tx, string userCode)
    {
        return tx.UserCodes.FindById(NormalizeUserCode(userCode)) is { } code ? tx.DeviceAuthorizations.FindById(code.DeviceCode) : null;
    }

    /// <summary>The instance a device authorization signs in to (null once the instance is gone).</summary>
    public static SsoInstanceDoc? InstanceOf(Tx tx, DeviceAuthorizationDoc authorization) =>
        tx.SsoInstances.FindById(authorization.InstanceId);

    /// <summary>Approve or deny as <paramref name="user"/> (already authenticated against the request's identity store).</summary>
    public static DeviceDecision Decide(Tx tx, DeviceAuthorizationDoc? authorization, SsoUserDoc user, bool approve, DateTimeOffset now)
    {
        if (authorization is null || authorization.IdentityStoreId != user.IdentityStoreId) return DeviceDecision.UnknownCode;
        if (authorization.ExpiresAt <= now) return DeviceDecision.Expired;
        if (authorization.Status != DeviceAuthorizationStatus.Pending) return DeviceDecision.AlreadyDecided;
        if (InstanceOf(tx, authorization) is not { } instance || !SsoRules.IsAvailable(tx, instance)) return DeviceDecision.Unavailable;
        authorization.Status = approve ? DeviceAuthorizationStatus.Approved : DeviceAuthorizationStatus.Denied;
        authorization.UserId = user.UserId;
        tx.DeviceAuthorizations.Update(authorization);
        return approve ? DeviceDecision.Approved : DeviceDecision.Denied;
    }

    /// <summary>Throws SlowDownException when a pending code is polled sooner than its interval allows (and adds 5 s to it).</summary>
    public static void CheckPollingRate(DeviceAuthorizationDoc authorization, DateTimeOffset now)
    {
        var tolerance = TimeSpan.FromMilliseconds(100);
        var previous = Polls.TryGetValue(authorization.DeviceCode, out var known) ? known : (LastPoll: DateTimeOffset.MinValue, Interval: authorization.Interval);
        var tooSoon = previous.LastPoll != DateTimeOffset.MinValue && now - previous.LastPoll < TimeSpan.FromSeconds(previous.Interval) - tolerance;
        var interval = tooSoon ? previous.Interval + 5 : previous.Interval;
        Polls[authorization.DeviceCode] = (now, interval);
        if (tooSoon) throw SsoOidcErrors.SlowDown();
    }

    public static void Forget(string deviceCode) => Polls.TryRemove(deviceCode, out _);
}
