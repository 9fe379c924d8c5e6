using System.Buffers;

namespace Emulator.Protocol;

/// <summary>Reads a request body once, refusing it (413) before reading when it is over the limit.</summary>
public static class RequestBody
{
    /// <summary>
    /// Exactly Content-Length bytes into one array; a chunked body grows a pooled buffer up to <paramref name="limit"/>.
    /// Framing problems (a short body, a bad chunk size) surface as <see cref="BadHttpRequestException"/> (400).
    /// </summary>
    public static async Task<byte[]> Read(HttpRequest request, int limit = ProtocolErrors.MaxBodyBytes)
    {
        if (request.ContentLength is long length)
        {
            if (length > limit) throw TooLarge(limit);
            if (length == 0) return [];
            var exact = new byte[length];
            try { await request.Body.ReadExactlyAsync(exact, request.HttpContext.RequestAborted); }
            catch (EndOfStreamException) { throw new BadHttpRequestException("The body is shorter than its Content-Length.", 400); }
            catch (IOException bad) when (bad is not BadHttpRequestException && !request.HttpContext.RequestAborted.IsCancellationRequested)
            { throw new BadHttpRequestException($"The body could not be read: {bad.Message}", 400); }
            return exact;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var used = 0;
        try
        {
            while (true)
            {
                if (used == buffer.Length)
                {
                    if (used > limit) throw TooLarge(limit);
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, used).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read;
                try { read = await request.Body.ReadAsync(buffer.AsMemory(used), request.HttpContext.RequestAborted); }
                catch (IOException bad) when (bad is not BadHttpRequestException && !request.HttpContext.RequestAborted.IsCancellationRequested)
                { throw new BadHttpRequestException($"The body could not be read: {bad.Message}", 400); }
                if (read == 0) break;
                used += read;
                if (used > limit) throw TooLarge(limit);
            }
            return buffer.AsSpan(0, used).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static BadHttpRequestException TooLarge(int limit) =>
        new($"Request body exceeds the emulator's limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
}
