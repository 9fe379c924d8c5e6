namespace Emulator.State;

/// <summary>A write waiting to be made durable: its changes, its trail events and the head snapshot that includes it.</summary>
internal sealed class PendingCommit(IReadOnlyCollection<Change> changes, Snapshot head, bool resetsEverything, IReadOnlyList<Services.Trail.TrailEntry> trail)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<Change> Changes { get; } = changes;
    public Snapshot Head { get; } = head;
    public IReadOnlyList<Services.Trail.TrailEntry> Trail { get; } = trail;

    /// <summary>Reset: every document of every collection goes first, in the same transaction.</summary>
    public bool ResetsEverything { get; } = resetsEverything;

    public Task Durable => _done.Task;

    public void Succeed() => _done.TrySetResult();

    public void Fail(Exception error) => _done.TrySetException(error);
}
