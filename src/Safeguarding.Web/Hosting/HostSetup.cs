using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Rewrite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Core.Platform.Secrets;
using Safeguarding.Core.Platform.Users;
using Safeguarding.Web.Access;
using Safeguarding.Web.Api;
using Serilog;
using Serilog.Formatting.Display;

namespace Safeguarding.Web.Hosting;

/// <summary>Everything the web host sets up, in one place: services first, then the request pipeline.</summary>
public static class HostSetup
{
    private const string SmartScheme = "CookieOrApiClient";
    public const string OidcScheme = "oidc";

    public static WebApplicationBuilder AddSafeguarding(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        var options = config.GetSection(SafeguardingOptions.Section).Get<SafeguardingOptions>() ?? new SafeguardingOptions();
        FailClosed.RefuseUnsafeProductionSettings(builder);

        services.AddOptions<SafeguardingOptions>().Bind(config.GetSection(SafeguardingOptions.Section))
            .Validate(o => o.IdleTimeoutMinutes is > 0 and <= 60, "Safeguarding:IdleTimeoutMinutes must be 1 to 60")
            .Validate(o => o.AbsoluteTimeoutHours is > 0 and <= 12, "Safeguarding:AbsoluteTimeoutHours must be 1 to 12")
            .ValidateOnStart();
        // Where and how this installation runs, as the CLI reads it too (Core/Platform/DeploymentOptions).
        services.AddOptions<DeploymentOptions>().Bind(config.GetSection(DeploymentOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeploymentOptions>, DeploymentOptionsValidator>();
        // Read now as well: which services to add depends on them. The values are checked when the host starts.
        var deployment = config.GetSection(DeploymentOptions.Section).Get<DeploymentOptions>() ?? new DeploymentOptions();

        var database = DatabaseSettings.FromConfiguration(config);
        services.AddSafeguardingData(database);
        services.AddSafeguardingOutbox(config, builder.Environment.EnvironmentName);
        services.AddSingleton(sp => new EncompassDeliveryOptions(sp.GetRequiredService<IOptions<DeploymentOptions>>().Value.PublicBaseUrl));
        // The demo's year first: the background work waits for it (see DemoYear).
        services.AddScoped<DemoSeeding>();
        services.AddSingleton<DemoYear>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoYear>());
        if (deployment.BackgroundWork.Enabled)
            services.AddHostedService<BackgroundWork>();
        AuditCheckpointWork.AddTo(services, config, database, deployment.BackgroundWork.Enabled);
        // Keys that protect session and antiforgery cookies and the secrets in the database survive restarts; several
        // instances share the folder, and the CLI opens the same key ring (KeyProtection).
        services.AddSafeguardingKeyRing(config, deployment.KeysDirectoryIn(database.DataDirectory));

        // Logs: structured, to the console, and redacted as a whole line before they leave the process; sinks added
        // in configuration (a file) are redacted too (RedactedSinks). Each host keeps its own logger: the static
        // Log.Logger is process-wide, so a second host in the process (tests run several) would take the first's lines.
        services.AddSerilog(preserveStaticLogger: true, configureLogger: (_, log) => log
            .ReadRedactedFromConfiguration(config)
            .Enrich.FromLogContext()
            .WriteTo.Console(new RedactingFormatter(new MessageTemplateTextFormatter(
                "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"))));

        // Traces and metrics always collected; exported only when an OTLP endpoint is configured.
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("safeguarding-hub"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health")).AddNpgsql())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("Npgsql")
                .AddMeter(EncompassMetrics.MeterName, PeopleMetrics.MeterName, DataMetrics.MeterName));
        if (!string.IsNullOrEmpty(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();

        services.AddProxyHeaders(config);
        services.AddHttpContextAccessor();
        services.AddSafeguardingRateLimits(config);
        services.AddScoped<CurrentActor>();
        services.AddScoped<Shell>();
        services.AddPdfPrinter(config);

        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            // No display name: Identity offers every scheme that has one as "sign in through your organisation".
            .AddPolicyScheme(SmartScheme, displayName: null, o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.Authorization.Count > 0
                    ? ApiClientAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiClientAuthenticationHandler>(ApiClientAuthenticationHandler.SchemeName, null);
        auth.AddIdentityCookies(cookies =>
            cookies.ApplicationCookie!.Configure(o => SessionRules.Configure(o, options, secureOnly: !builder.Environment.IsDevelopment())));

        var oidc = config.GetSection("Authentication:Oidc");
        if (!string.IsNullOrEmpty(oidc["Authority"]))
        {
            // An organisation's identity provider; accounts are matched on issuer plus subject (see ExternalSignIn).
            auth.AddOpenIdConnect(OidcScheme, oidc["DisplayName"] ?? "Your organisation's sign-in", o =>
            {
                o.Authority = oidc["Authority"];
                o.ClientId = oidc["ClientId"];
                o.ClientSecret = oidc["ClientSecret"];
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.CallbackPath = "/signin-oidc";
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.MapInboundClaims = false;
            });
        }

        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<SafeguardingDbContext>()
            .AddUserStore<ProtectedUserStore>() // the TOTP seed encrypted at rest
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<PasswordRules>();

        // Default deny: every endpoint and page needs a signed-in caller unless it says otherwise.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AllowAnonymousToPage("/Accessibility");
            o.Conventions.AllowAnonymousToPage("/Status");
            if (options.AnonymousApiReference) o.Conventions.AllowAnonymousToPage("/ApiReference");
            PageConventions.Apply(o.Conventions);
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(MfaRequiredFilter)));
        });
        services.AddScoped<MfaRequiredFilter>();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<Refusals>();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<SafeguardingDbContext>("database", tags: ["ready"]);
        services.AddAntiforgery(o => SessionRules.ConfigureAntiforgery(o, secureOnly: !builder.Environment.IsDevelopment()));
        // HSTS skips localhost by default; nothing real is served from localhost, and the tests can see the header.
        if (!builder.Environment.IsDevelopment())
            services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; o.ExcludedHosts.Clear(); });
        return builder;
    }

    public static WebApplication UseSafeguarding(this WebApplication app)
    {
        // First: everything after sees the client's address and scheme as the trusted proxy reported them.
        app.UseForwardedHeaders();
        app.UseSerilogRequestLogging(o =>
        {
            // The path only: it holds record ids, never names; query strings are not logged.
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0} ms";
            // This host's logger, not the static one (see AddSerilog).
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
        });

        // Machine clients (/api and /fhir) get problem details, never the HTML error pages.
        // Refusals (Access/Refusals.cs) are answered by the exception handler; the status-code pages sit outside it so
        // that a 403 or 404 it answers is rendered as the GOV.UK status page.
        app.UseWhen(ctx => Refusals.IsMachineClient(ctx.Request.Path),
            api => api.UseStatusCodePages().UseExceptionHandler());
        app.UseWhen(ctx => !Refusals.IsMachineClient(ctx.Request.Path),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}").UseExceptionHandler("/status/500"));

        app.UseSecurityHeaders(SecurityHeaders());
        if (!app.Environment.IsDevelopment()) app.UseHsts();

        // Pages that moved to the folder of the capability they serve: old links and bookmarks are sent on for good,
        // their query strings kept (308 keeps a form's POST a POST).
        app.UseRewriter(new RewriteOptions()
            .AddRedirect("^domestic-abuse/encompass/pupil-roll/?$", "/learners/rolls", StatusCodes.Status308PermanentRedirect)
            .AddRedirect("^domestic-abuse/encompass/calendars(/calendar)?/?$", "/calendars$1", StatusCodes.Status308PermanentRedirect));

        app.UseStaticFiles();
        app.UseNoStore();
        app.UseRouting();
        app.UseRequestBodyLimits();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapSafeguardingApi();
        Safeguarding.Web.Fhir.FlagEndpoints.MapFhirFlags(app);
        var openApi = app.MapOpenApi();
        if (app.Services.GetRequiredService<IOptions<SafeguardingOptions>>().Value.AnonymousApiReference) openApi.AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    private static HeaderPolicyCollection SecurityHeaders() => new HeaderPolicyCollection()
        .AddDefaultSecurityHeaders()
        .AddFrameOptionsDeny()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(x => x.SameOrigin())
        .AddPermissionsPolicy(p => { p.AddCamera().None(); p.AddMicrophone().None(); p.AddGeolocation().None(); })
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
        });

    /// <summary>
    /// The embedded default: migrate at start. Production leaves MigrateOnStart off and runs `safeguard db migrate`.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SafeguardingOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardingDbContext>();
        // Before migrating: demo mode may re-create an old SQLite file, which must never be a real partnership's.
        if (options.DemoMode) await DemoSeeding.RefuseNonDemoDataAsync(db);
        if (options.MigrateOnStart)
        {
            // A demo database from before a migrations squash is re-created: it only ever holds synthetic data.
            var settings = app.Services.GetRequiredService<DatabaseSettings>();
            await DatabaseMigrations.MigrateAsync(db, recreateUnknown: options.DemoMode && settings.Provider == DatabaseProvider.Sqlite);
        }
        await ProtectSecretsStoredInTheClearAsync(app, scope.ServiceProvider, db);

        if (options.DemoMode && options.SeedDemoOnStart)
        {
            // First start seeds the small demo partnership; later starts find it and only rewrite the credentials file.
            // The rest of its Operation Encompass year is written once the host is running (DemoYear).
            var path = Path.Combine(app.Services.GetRequiredService<DatabaseSettings>().DataDirectory, DemoCredentialsFileName);
            await scope.ServiceProvider.GetRequiredService<DemoSeeding>().SeedAsync(new DemoSeedingOptions(DemoScale.Small, path));
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var urls = string.Join(", ", app.Urls);
                Console.WriteLine();
                Console.WriteLine($"Safeguarding Hub (demonstration, synthetic data) is running at {urls}");
                Console.WriteLine($"Demo sign-in details for every role: {path}");
                Console.WriteLine("Sign in with an email and password from that file, then the 6-digit code for its totpSecret.");
                Console.WriteLine();
            });
        }
    }

    public const string DemoCredentialsFileName = DemoSeeding.CredentialsFileName;

    /// <summary>
    /// TOTP seeds and webhook secrets written in the clear before every writer encrypted them are encrypted at start
    /// (nothing to do after the first). A database not reachable or not migrated yet is left for the next start.
    /// </summary>
    private static async Task ProtectSecretsStoredInTheClearAsync(WebApplication app, IServiceProvider services, SafeguardingDbContext db)
    {
        try
        {
            if (!(await db.Database.GetAppliedMigrationsAsync()).Any()) return;
            var (seeds, webhookSecrets) = await services.GetRequiredService<SecretsAtRest>().ProtectStoredInTheClearAsync(db);
            if (seeds + webhookSecrets > 0)
                app.Logger.LogInformation("Encrypted {Seeds} authenticator seeds and {WebhookSecrets} webhook secrets stored in the clear", seeds, webhookSecrets);
        }
        catch (System.Data.Common.DbException e)
        {
            app.Logger.LogWarning(e, "Secrets stored in the clear were not checked: the database could not be read");
        }
    }
}
