namespace Emulator.State;

/// <summary>What authorization's per-snapshot cache (<see cref="Services.Authorization.CallerAuthorization"/>) keys on.</summary>
public sealed partial class Tx
{
    /// <summary>The immutable snapshot a read sees; null in a write, whose view changes as it writes.</summary>
    internal Snapshot? ReadSnapshot => _writes is null ? _snapshot : null;
}
