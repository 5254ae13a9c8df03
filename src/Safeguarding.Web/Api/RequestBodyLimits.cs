using Microsoft.AspNetCore.Http.Features;

namespace Safeguarding.Web.Api;

/// <summary>The most an API endpoint reads of a request's body, in bytes (<see cref="RequestBodyLimits"/>).</summary>
public sealed record RequestBodyLimit(long MaxBytes);

/// <summary>
/// Each API endpoint reads no more than it needs, well below Kestrel's 30 MB: a small JSON post a few kilobytes, one
/// incident what one corrected record may be on the quarantine page. A body that says it is larger (Content-Length)
/// is refused before anything reads it; one sent without a length is cut off where it passes the limit. Either way the
/// answer is ProblemDetails 413 and nothing is kept, since the endpoints read the whole body before they save.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>GETs receive nothing.</summary>
    public const long None = 0;

    /// <summary>A person, or a look-up by number: a few short fields.</summary>
    public const long SmallJson = 16 * 1024;

    /// <summary>One agency's record of a person, kept as received: its fields and whatever else the system sends with them.</summary>
    public const long SourceRecord = 64 * 1024;

    /// <summary>One police incident, as the quarantine page takes one corrected incident.</summary>
    public const long Incident = Pages.Admin.Quarantine.RecordModel.MaxBytes;

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder endpoint, long maxBytes) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new RequestBodyLimit(maxBytes));

    /// <summary>After routing (the endpoint's limit is known), before anything reads the body.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>() is not { } limit)
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > limit.MaxBytes)
        {
            await TooLargeAsync(context, limit);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server) server.MaxRequestBodySize = limit.MaxBytes;
        // The server enforces a Content-Length; a body without one is counted as it is read.
        if (context.Request.ContentLength is null) context.Request.Body = new LimitedBody(context.Request.Body, limit.MaxBytes);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLargeAsync(context, limit);
            return;
        }
        // JSON bound by the framework: it answers the read's 413 itself, with no body.
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            await TooLargeAsync(context, limit);
    });

    private static Task TooLargeAsync(HttpContext context, RequestBodyLimit limit)
    {
        context.Response.Clear();
        return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
            detail: $"This endpoint takes a body of at most {Size(limit.MaxBytes)}.").ExecuteAsync(context);
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : bytes >= 1024 ? $"{bytes / 1024} KB" : $"{bytes} bytes";

    /// <summary>A body read through a count: passing the limit is the server's own "too large" (413).</summary>
    private sealed class LimitedBody(Stream inner, long maxBytes) : Stream
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
            if (_read > maxBytes) throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
