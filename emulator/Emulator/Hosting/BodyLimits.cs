namespace Emulator.Hosting;

/// <summary>
/// The control plane (<c>/_emulator</c>) and the portal (<c>/start</c>) take small JSON bodies and forms: their bodies
/// are capped before anything parses them (the AWS endpoint caps its own, see <see cref="Protocol.RequestBody"/>).
/// </summary>
public static class BodyLimits
{
    public const int ControlPlaneAndPortalBytes = 64 * 1024;

    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/_emulator") || path.StartsWithSegments("/start"))
        {
            if (context.Request.ContentLength > ControlPlaneAndPortalBytes) throw Protocol.RequestBody.TooLarge(ControlPlaneAndPortalBytes);
            context.Request.Body = new CappedStream(context.Request.Body, ControlPlaneAndPortalBytes);
        }
        return next(context);
    });

    /// <summary>Reads through to the body and refuses (413) once more than the limit has been read.</summary>
    private sealed class CappedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit) throw Protocol.RequestBody.TooLarge((int)limit);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
