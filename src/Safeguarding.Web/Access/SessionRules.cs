using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Safeguarding.Web.Hosting;

namespace Safeguarding.Web.Access;

/// <summary>
/// Session rules (ASVS 3.3): an idle timeout through the cookie's sliding expiry, an absolute timeout from
/// the moment of sign-in, and a recent sign-in before sensitive actions.
/// </summary>
public static class SessionRules
{
    public const string SignedInAtItem = "signed_in_at";
    public const string ReauthenticatedAtItem = "reauthenticated_at";

    public static void Configure(CookieAuthenticationOptions cookie, SafeguardingOptions options, bool secureOnly)
    {
        cookie.LoginPath = "/account/sign-in";
        cookie.LogoutPath = "/account/sign-out";
        cookie.AccessDeniedPath = "/account/access-denied";
        cookie.ExpireTimeSpan = TimeSpan.FromMinutes(options.IdleTimeoutMinutes);
        cookie.SlidingExpiration = true;
        cookie.Cookie.Name = CookieName("safeguarding.session", secureOnly);
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = secureOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        cookie.Events.OnSigningIn = context =>
        {
            context.Properties.Items.TryAdd(SignedInAtItem, context.Options.TimeProvider!.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        };
        cookie.Events.OnValidatePrincipal = async context =>
        {
            if (SignedInAt(context.Properties) is { } at && context.Options.TimeProvider!.GetUtcNow() - at > TimeSpan.FromHours(options.AbsoluteTimeoutHours))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        };
        cookie.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// The antiforgery cookie, like the session cookie: outside Development a __Host- name, always Secure, Path=/, no
    /// Domain. Secure is set on the cookie itself rather than through SecurePolicy.Always, with which antiforgery
    /// refuses (a 500) every request that reaches the app as plain http, as one does from a TLS proxy whose forwarded
    /// headers are not trusted, even though the browser's side is https and a Secure cookie travels only there.
    /// </summary>
    public static void ConfigureAntiforgery(Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions antiforgery, bool secureOnly)
    {
        if (secureOnly)
        {
            antiforgery.Cookie = new SecureCookieBuilder
            {
                SameSite = antiforgery.Cookie.SameSite, HttpOnly = true, IsEssential = true, Path = "/",
                SecurePolicy = CookieSecurePolicy.SameAsRequest,
            };
        }
        antiforgery.Cookie.Name = CookieName("safeguarding.antiforgery", secureOnly);
        if (!secureOnly) antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }

    /// <summary>A cookie marked Secure whatever the scheme the request reached the app with.</summary>
    private sealed class SecureCookieBuilder : CookieBuilder
    {
        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            options.Secure = true;
            return options;
        }
    }

    // "__Host-": the browser keeps the cookie only if it is Secure, for the whole site (Path=/) and set by this host
    // (no Domain), so a sibling subdomain cannot plant or overwrite it. Development over plain http keeps a plain name,
    // since a browser would refuse a __Host- cookie there.
    private static string CookieName(string name, bool secureOnly) => secureOnly ? $"__Host-{name}" : name;

    // The API answers with a status code and ProblemDetails, never a redirect to a sign-in page.
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/fhir"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static DateTimeOffset? SignedInAt(AuthenticationProperties properties) => Read(properties, SignedInAtItem);

    /// <summary>The later of sign-in and the last re-authentication.</summary>
    public static DateTimeOffset? LastAuthenticatedAt(AuthenticationProperties properties)
    {
        var signedIn = Read(properties, SignedInAtItem);
        var reauth = Read(properties, ReauthenticatedAtItem);
        return reauth > signedIn || signedIn is null ? reauth : signedIn;
    }

    private static DateTimeOffset? Read(AuthenticationProperties properties, string item) =>
        properties.Items.TryGetValue(item, out var v) && long.TryParse(v, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
}

/// <summary>Sensitive pages (break-glass, administration writes) ask for the password and code again when the sign-in is old.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireRecentSignInAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SafeguardingOptions>>().Value;
        var auth = await context.HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var last = auth.Properties is null ? null : SessionRules.LastAuthenticatedAt(auth.Properties);
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (last is null || now - last > TimeSpan.FromMinutes(options.ReauthenticateAfterMinutes))
        {
            var returnUrl = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString;
            context.Result = new RedirectToPageResult("/Account/Reauthenticate", new { returnUrl });
            return;
        }
        await next();
    }
}

/// <summary>Outside demo mode every user must have set up MFA and signed in with it before doing anything else.</summary>
public sealed class MfaRequiredFilter(IOptions<SafeguardingOptions> options) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var page = context.ActionDescriptor.ViewEnginePath;
        var exempt = page.StartsWith("/Account/", StringComparison.Ordinal) || page is "/Accessibility" or "/Status";
        if (!options.Value.DemoMode && user.Identity?.IsAuthenticated == true && !exempt
            && user.FindFirst("amr")?.Value != "mfa")
        {
            context.Result = new RedirectToPageResult("/Account/MfaSetup");
            return;
        }
        await next();
    }
}
