namespace Safeguarding.Web.Hosting;

/// <summary>Settings under "Safeguarding" in configuration; validated at start.</summary>
public sealed class SafeguardingOptions
{
    public const string Section = "Safeguarding";

    /// <summary>
    /// Synthetic demo data, a banner on every page, and MFA optional for new accounts. Off unless configuration turns
    /// it on: appsettings.Development.json (the Development environment, which <c>dotnet run</c> uses) or an explicit
    /// Safeguarding__DemoMode=true; the host refuses it on a database holding any other partnership.
    /// </summary>
    public bool DemoMode { get; set; }

    /// <summary>Apply migrations at start (the embedded default); production runs `safeguard db migrate` instead.</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>Seed the demo partnership at first start when the database has none.</summary>
    public bool SeedDemoOnStart { get; set; }

    /// <summary>With the demo seeded at start: write the rest of its year of Operation Encompass history in the background once the host is ready.</summary>
    public bool DemoYearInBackground { get; set; } = true;

    /// <summary>The OpenAPI document (/openapi/v1.json) and the API reference page open to anyone; when false, to signed-in users only.</summary>
    public bool AnonymousApiReference { get; set; } = true;

    /// <summary>A session ends after this long without a request (ASVS 3.3).</summary>
    public int IdleTimeoutMinutes { get; set; } = 20;

    /// <summary>A session ends this long after sign-in whatever the activity (ASVS 3.3.2).</summary>
    public int AbsoluteTimeoutHours { get; set; } = 10;

    /// <summary>Break-glass and administration need a sign-in at most this old.</summary>
    public int ReauthenticateAfterMinutes { get; set; } = 15;
}
