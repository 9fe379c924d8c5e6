using System.Text;
using System.Text.Json.Nodes;
using Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace Emulator.Tests;

/// <summary>
/// Both protocols write their answers into an <see cref="AnswerBuffer"/> rented from the shared pool: an answer larger
/// than the first buffer, and answers written while others are still being sent, must arrive byte for byte.
/// </summary>
public sealed class AnswerBufferTests
{
    [Fact]
    public async Task A_json_answer_larger_than_the_buffer_is_sent_whole_with_its_length()
    {
        var body = new JsonObject { ["Items"] = new JsonArray(Enumerable.Range(0, 5_000).Select(i => (JsonNode)$"item-{i}-é").ToArray()) };
        var expected = body.ToJsonString();

        var (context, sent) = Context();
        await JsonShapes.Write(context, "application/x-amz-json-1.1", 200, body);

        Encoding.UTF8.GetString(sent.ToArray()).Should().Be(expected);
        context.Response.ContentLength.Should().Be(Encoding.UTF8.GetByteCount(expected));
        context.Response.ContentType.Should().Be("application/x-amz-json-1.1");
    }

    [Fact]
    public async Task An_xml_answer_larger_than_the_buffer_is_sent_whole_with_its_length()
    {
        var text = string.Concat(Enumerable.Repeat("x<y&z é ", 3_000));
        var (context, sent) = Context();
        using (var answer = new AnswerBuffer())
        {
            var xml = new XmlOutput(answer);
            xml.Element("Text", text);
            await answer.Send(context, AwsQueryProtocol.ContentType, 400);
        }

        var expected = "<Text>" + text.Replace("&", "&amp;").Replace("<", "&lt;") + "</Text>";
        Encoding.UTF8.GetString(sent.ToArray()).Should().Be(expected);
        context.Response.ContentLength.Should().Be(Encoding.UTF8.GetByteCount(expected));
        context.Response.StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task Answers_written_while_others_are_still_being_sent_stay_byte_correct()
    {
        // Each send completes later (the stream yields before it copies), so every buffer is still in use by its send
        // while the other answers rent, write and return theirs.
        var answers = Enumerable.Range(0, 200).Select(async i =>
        {
            var (context, sent) = Context();
            string expected;
            if (i % 2 == 0)
            {
                var body = new JsonObject { ["N"] = i, ["Pad"] = new string((char)('a' + i % 26), i * 97 % 9_000) };
                expected = body.ToJsonString();
                await JsonShapes.Write(context, "application/json", 200, body);
            }
            else
            {
                var text = new string((char)('A' + i % 26), i * 89 % 9_000) + i;
                expected = $"<R><N>{i}</N><T>{text}</T></R>";
                using var answer = new AnswerBuffer();
                var xml = new XmlOutput(answer);
                xml.StartElement("R");
                xml.Element("N", i.ToString());
                xml.Element("T", text);
                xml.EndElement();
                await answer.Send(context, AwsQueryProtocol.ContentType, 200);
            }
            return (Expected: expected, Sent: Encoding.UTF8.GetString(sent.ToArray()));
        });

        foreach (var (expected, sent) in await Task.WhenAll(answers))
            sent.Should().Be(expected);
    }

    private static (DefaultHttpContext Context, MemoryStream Sent) Context()
    {
        var sent = new MemoryStream();
        var context = new DefaultHttpContext();
        context.Response.Body = new LaterStream(sent);
        return (context, sent);
    }

    /// <summary>A response body whose writes complete asynchronously: the bytes are read only after a yield.</summary>
    private sealed class LaterStream(MemoryStream inner) : Stream
    {
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            inner.Write(buffer.Span);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("answers are sent asynchronously");
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    }
}
