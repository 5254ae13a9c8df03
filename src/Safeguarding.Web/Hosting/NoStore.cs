using Microsoft.Net.Http.Headers;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// Nothing the service answers is kept by a browser or a proxy: pages, API and FHIR answers and CSV exports can all
/// hold personal data, and a shared computer's cache or back button must not give it to the next user. Static files
/// (served before this runs) keep their own caching.
/// </summary>
public static class NoStore
{
    public static IApplicationBuilder UseNoStore(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts, so that nothing a page, a file result or an error page set is left in its place.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderNames.CacheControl] = "no-store";
            context.Response.Headers[HeaderNames.Pragma] = "no-cache";
            context.Response.Headers.Remove(HeaderNames.Expires);
            return Task.CompletedTask;
        });
        return next(context);
    });
}
