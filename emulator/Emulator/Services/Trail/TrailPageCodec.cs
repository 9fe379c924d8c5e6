using System.Text;
using Emulator.Core;

namespace Emulator.Services.Trail;

/// <summary>
/// A page's events in the state file as compact binary (<see cref="TrailPages"/>' <c>packed</c>): the page's distinct
/// strings once, in a table, and each event as table indexes, its time and its two ids (16 bytes each when they are
/// GUIDs, as the emulator makes them). A burst of reads repeats one caller, operation, client and request, so an event
/// takes ~60 bytes instead of ~600 as JSON, and LiteDB, its log and its checkpoint handle a tenth of the bytes.
/// Every member of <see cref="TrailEntry"/> is written: adding one means adding it here (the round-trip test compares
/// every member).
/// </summary>
public static class TrailPageCodec
{
    private const byte Version = 1;
    private const byte InlineId = 0, GuidId = 1;
    private const byte ReadOnlyFlag = 1, FromConsoleFlag = 2, HasCallerFlag = 4;

    /// <summary>The committer's buffer, kept between pages (a page of reads is ~70 KB: no new large buffer for each).</summary>
    [ThreadStatic] private static MemoryStream? _buffer;

    /// <summary>
    /// Events with consecutive sequences, the first one's first. Layout: version, first sequence, event count, the
    /// string table's offset; the events; the string table (written last, once every event has added its strings).
    /// </summary>
    public static byte[] Write(IReadOnlyList<TrailEntry> events)
    {
        var page = _buffer ??= new MemoryStream();
        page.SetLength(0);
        var strings = new StringTable();
        using (var writer = new BinaryWriter(page, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Version);
            writer.Write(events[0].Sequence);
            writer.Write(events.Count);
            var tableOffset = page.Position;
            writer.Write(0L);
            foreach (var e in events) WriteEvent(writer, strings, e);
            var table = page.Position;
            strings.WriteTo(writer);
            page.Position = tableOffset;
            writer.Write(table);
        }
        var packed = page.ToArray();
        if (page.Capacity > 1 << 20) _buffer = null; // a page of unusually large events: not kept
        return packed;
    }

    public static List<TrailEntry> Read(byte[] packed)
    {
        using var reader = new BinaryReader(new MemoryStream(packed), Encoding.UTF8);
        if (reader.ReadByte() != Version) throw new InvalidDataException("The trail page was written by a newer emulator.");
        var first = reader.ReadInt64();
        var count = reader.ReadInt32();
        var table = reader.ReadInt64();
        var eventsAt = reader.BaseStream.Position;
        reader.BaseStream.Position = table;
        var strings = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < strings.Length; i++) strings[i] = reader.ReadString();
        reader.BaseStream.Position = eventsAt;
        var events = new List<TrailEntry>(count);
        for (var i = 0; i < count; i++) events.Add(ReadEvent(new EventReader(reader, strings), first + i));
        return events;
    }

    private static void WriteEvent(BinaryWriter w, StringTable s, TrailEntry e)
    {
        void Text(string? value) => w.Write7BitEncodedInt(s.Index(value));

        WriteId(w, e.EventId);
        w.Write(e.EventTime.UtcTicks);
        w.Write((short)e.EventTime.Offset.TotalMinutes);
        WriteId(w, e.RequestId);
        w.Write((byte)((e.ReadOnly ? ReadOnlyFlag : 0) | (e.FromConsole ? FromConsoleFlag : 0) | (e.Caller is null ? 0 : HasCallerFlag)));
        if (e.Caller is { } caller)
        {
            w.Write((byte)caller.Kind);
            Text(caller.AccountId);
            Text(caller.Arn);
            Text(caller.UserId);
            Text(caller.AccessKeyId);
        }
        Text(e.EventType);
        Text(e.AccountId);
        Text(e.EventSource);
        Text(e.EventName);
        Text(e.SignedWith);
        Text(e.IssuerArn);
        Text(e.InvokedBy);
        Text(e.Region);
        Text(e.SourceIp);
        Text(e.UserAgent);
        Text(e.Service);
        Text(e.Request);
        Text(e.Response);
        Text(e.ErrorCode);
        Text(e.ErrorMessage);
        Text(e.SharedEventId);
        Text(e.Reason);
        w.Write7BitEncodedInt(e.Resources.Count);
        foreach (var resource in e.Resources)
        {
            Text(resource.ResourceType);
            Text(resource.ResourceName);
        }
    }

    /// <remarks>Members are read in the order <see cref="WriteEvent"/> writes them (an object initializer runs in order).</remarks>
    private static TrailEntry ReadEvent(EventReader r, long sequence)
    {
        var eventId = ReadId(r.Reader);
        var utcTicks = r.Reader.ReadInt64();
        var offset = TimeSpan.FromMinutes(r.Reader.ReadInt16());
        var requestId = ReadId(r.Reader);
        var flags = r.Reader.ReadByte();
        Caller? caller = null;
        if ((flags & HasCallerFlag) != 0)
        {
            var kind = (PrincipalKind)r.Reader.ReadByte();
            caller = new Caller(r.Required(), kind, r.Required(), r.Required(), r.Text());
        }
        return new TrailEntry
        {
            Sequence = sequence,
            EventId = eventId,
            EventTime = new DateTimeOffset(utcTicks + offset.Ticks, offset),
            RequestId = requestId,
            ReadOnly = (flags & ReadOnlyFlag) != 0,
            FromConsole = (flags & FromConsoleFlag) != 0,
            Caller = caller,
            EventType = r.Required(),
            AccountId = r.Required(),
            EventSource = r.Required(),
            EventName = r.Required(),
            SignedWith = r.Text(),
            IssuerArn = r.Text(),
            InvokedBy = r.Text(),
            Region = r.Required(),
            SourceIp = r.Required(),
            UserAgent = r.Required(),
            Service = r.Text(),
            Request = r.Text(),
            Response = r.Text(),
            ErrorCode = r.Text(),
            ErrorMessage = r.Text(),
            SharedEventId = r.Text(),
            Reason = r.Text(),
            Resources = [.. Enumerable.Range(0, r.Reader.Read7BitEncodedInt()).Select(_ => new TrailResource(r.Required(), r.Required()))],
        };
    }

    /// <summary>An id as 16 bytes when it is a GUID's lower-case text (the emulator's event and request ids), else as text.</summary>
    private static void WriteId(BinaryWriter w, string id)
    {
        Span<char> text = stackalloc char[36];
        if (Guid.TryParseExact(id, "D", out var guid) && guid.TryFormat(text, out var length, "D") && text[..length].SequenceEqual(id))
        {
            w.Write(GuidId);
            Span<byte> bytes = stackalloc byte[16];
            guid.TryWriteBytes(bytes);
            w.Write(bytes);
            return;
        }
        w.Write(InlineId);
        w.Write(id);
    }

    private static string ReadId(BinaryReader r) => r.ReadByte() switch
    {
        GuidId => new Guid(r.ReadBytes(16)).ToString("D"),
        InlineId => r.ReadString(),
        var other => throw new InvalidDataException($"Unknown id form {other} in a trail page."),
    };

    /// <summary>
    /// The page's distinct strings, numbered from 1 in first-use order (0 is null). Events of one client share their
    /// strings' instances, so an instance seen before is found by reference, without hashing its text.
    /// </summary>
    private sealed class StringTable
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly Dictionary<object, int> _instances = new(ReferenceEqualityComparer.Instance);
        private readonly List<string> _values = [];

        public int Index(string? value)
        {
            if (value is null) return 0;
            if (_instances.TryGetValue(value, out var index)) return index;
            if (!_indexes.TryGetValue(value, out index))
            {
                _values.Add(value);
                index = _indexes[value] = _values.Count;
            }
            return _instances[value] = index;
        }

        public void WriteTo(BinaryWriter writer)
        {
            writer.Write7BitEncodedInt(_values.Count);
            foreach (var value in _values) writer.Write(value);
        }
    }

    private readonly record struct EventReader(BinaryReader Reader, string[] Strings)
    {
        public string? Text() => Reader.Read7BitEncodedInt() is var index and > 0 ? Strings[index - 1] : null;

        public string Required() => Text() ?? throw new InvalidDataException("A trail page's event lacks a required member.");
    }
}
