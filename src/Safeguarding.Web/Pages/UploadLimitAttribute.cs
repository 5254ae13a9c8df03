using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Safeguarding.Web.Pages;

/// <summary>
/// The most an upload page takes, sized to the file its users send (a school's calendar, a force's incident file, a
/// city's attendance feed). The server reads no more than that (request and multipart limits), and a request that says
/// it is larger is refused before anything reads its body, antiforgery included: the user is sent back to the page,
/// whose error summary says how large the file may be. Never a 413 or a 500.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitAttribute(long maxBytes, string field, string what = "selected file") : Attribute, IAsyncAuthorizationFilter, IAsyncPageFilter, IOrderedFilter
{
    /// <summary>The query key the refused request is sent back with; it holds no data of the request.</summary>
    public const string TooLargeKey = "too-large";

    /// <summary>Room for the form's other fields and the multipart framing around the file.</summary>
    private const long Framing = 1024 * 1024;

    public long MaxBytes => maxBytes;

    /// <summary>Before antiforgery (1000) and the framework's own size filters (900), both of which read the body.</summary>
    public int Order => 800;

    public string Message => $"The {what} must be smaller than {Size(maxBytes)}";

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) return Task.CompletedTask;
        if (http.Request.ContentLength > maxBytes + Framing)
        {
            var query = http.Request.Query.Where(q => q.Key is not ("handler" or TooLargeKey))
                .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())).Append(new(TooLargeKey, "1"));
            context.Result = new RedirectResult(http.Request.PathBase + http.Request.Path + QueryString.Create(query).ToUriComponent());
            return Task.CompletedTask;
        }
        var bodySize = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false }) bodySize.MaxRequestBodySize = maxBytes + Framing;
        if (http.Features.Get<IFormFeature>() is not { Form: not null })
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = maxBytes + Framing }));
        return Task.CompletedTask;
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) && context.HttpContext.Request.Query.ContainsKey(TooLargeKey))
            context.ModelState.AddModelError(field, Message);
        return next();
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}
