using System.Text.Json.Nodes;
using Emulator.Services.Trail;
using Emulator.State;

namespace Emulator.ControlPlane;

/// <summary>One recorded event, organization-wide: the fields the console filters on and the full CloudTrail record.</summary>
public sealed record TrailEventView(
    string EventId, long Sequence, string AccountId, DateTimeOffset EventTime, string EventSource, string EventName,
    string EventType, bool ReadOnly, string Caller, string? ErrorCode, JsonNode Record)
{
    public static TrailEventView Of(TrailEntry e) => new(
        e.EventId, e.Sequence, e.AccountId, e.EventTime, e.EventSource, e.EventName, e.EventType, e.ReadOnly, e.CallerName, e.ErrorCode,
        JsonNode.Parse(TrailRecords.Render(e))!);
}

public sealed record TrailEventsResponse(List<TrailEventView> Events);

/// <summary>The event trail, organization-wide (LookupEvents shows each account only its own history).</summary>
public static class TrailEndpoints
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/events.json", List)
            .WithName("TrailEvents")
            .WithSummary("The event trail of every account, newest first (at most 'max' events, default 100, up to 1000).")
            .WithDescription("Filters: account (recipient account id), source (eventSource, e.g. sso.amazonaws.com), errorsOnly. Reads and " +
                "refused calls are recorded a moment after they are answered; successful writes before they are answered.");
        group.MapGet("/events", Stream)
            .WithName("TrailEventStream")
            .WithSummary("Server-sent events: every event recorded after 'since' (an eventID), or from now on without it.")
            .WithDescription("Each message has the event's eventID as its id, the event type 'trail' and the CloudTrail record as its data. " +
                "A reconnecting EventSource resumes from its Last-Event-ID header.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
    }

    private static TrailEventsResponse List(StateStore store, string? account, string? source, bool? errorsOnly, int? max) =>
        new(store.Trail.Window.NewestFirst()
            .Where(e => account is null || e.AccountId == account)
            .Where(e => source is null || e.EventSource == source)
            .Where(e => errorsOnly != true || e.ErrorCode is not null)
            .Take(Math.Clamp(max ?? 100, 1, 1000))
            .Select(TrailEventView.Of).ToList());

    private static async Task Stream(HttpContext http, StateStore store, string? since)
    {
        var resumeFrom = since ?? http.Request.Headers["Last-Event-ID"].ToString();
        var start = store.Trail.Window;
        var last = resumeFrom is { Length: > 0 } id && start.SequenceOf(id) is { } known ? known : store.Trail.Next - 1;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.WriteAsync(": the event trail\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
        var quiet = TimeSpan.Zero;
        try
        {
            while (!http.RequestAborted.IsCancellationRequested)
            {
                var window = store.Trail.Window;
                if (window.FirstSequence + window.Count - 1 < last) last = 0; // the state was reset
                var fresh = window.After(last).ToList();
                foreach (var e in fresh)
                {
                    await http.Response.WriteAsync($"id: {e.EventId}\nevent: trail\ndata: {TrailRecords.Render(e)}\n\n", http.RequestAborted);
                    last = e.Sequence;
                }
                quiet = fresh.Count > 0 ? TimeSpan.Zero : quiet + PollInterval;
                if (quiet >= Heartbeat)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", http.RequestAborted);
                    quiet = TimeSpan.Zero;
                }
                await http.Response.Body.FlushAsync(http.RequestAborted);
                await Task.Delay(PollInterval, http.RequestAborted);
            }
        }
        catch (OperationCanceledException) { } // the client went away
    }
}
