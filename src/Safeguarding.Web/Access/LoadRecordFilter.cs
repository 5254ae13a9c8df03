using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Safeguarding.Core.Platform;

namespace Safeguarding.Web.Access;

/// <summary>
/// Loads the one record a folder's pages act on (a notification, an assessment, a meeting, a person), checked
/// against the access policy by the service that opens it, and hands it to the page before its handler runs.
/// Attached per folder in <see cref="PageConventions"/>, so no page loads, 404s or 403s its record itself: the
/// loader returns null (answered 404) or throws <see cref="ForbiddenException"/> (answered 403 and audited by
/// <see cref="Refusals"/>). The page reads it with <see cref="LoadedRecords.Loaded{TRecord}"/>.
/// </summary>
public abstract class LoadRecordFilter<TRecord> : IAsyncPageFilter, IOrderedFilter where TRecord : class
{
    /// <summary>After the folder's permission check.</summary>
    public int Order => 10;

    /// <summary>What the audit trail and the 404 call this kind of record.</summary>
    protected abstract string ResourceType { get; }

    /// <summary>The route value that names the record.</summary>
    protected virtual string RouteKey => "id";

    /// <summary>Opens the record for the caller; null when there is no such record in their partnership.</summary>
    protected abstract Task<TRecord?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct);

    /// <summary>The record's id as the request gives it; a page whose record may be named by either of two keys reads its own.</summary>
    protected virtual string? IdText(PageHandlerExecutingContext context) =>
        context.RouteData.Values.TryGetValue(RouteKey, out var value) ? value?.ToString() : context.HttpContext.Request.Query[RouteKey].ToString();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var text = IdText(context);
        if (!Guid.TryParse(text, out var id)) throw new NotFoundException(ResourceType, null);
        var process = await http.RequestServices.GetRequiredService<CurrentActor>().ProcessAsync(ct: http.RequestAborted);
        var record = await LoadAsync(http.RequestServices, id, process, http.RequestAborted)
            ?? throw new NotFoundException(ResourceType, id.ToString());
        http.Features.Set(new LoadedRecord<TRecord>(record));
        await next();
    }
}

public sealed record LoadedRecord<TRecord>(TRecord Record);

public static class LoadedRecords
{
    /// <summary>The record this folder's filter loaded and checked for the request.</summary>
    public static TRecord Loaded<TRecord>(this HttpContext http) where TRecord : class =>
        http.Features.Get<LoadedRecord<TRecord>>()?.Record
        ?? throw new InvalidOperationException($"No filter loaded a {typeof(TRecord).Name} for this page: add one in PageConventions.");
}
