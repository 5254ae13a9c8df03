using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Safeguarding.Core.Platform;

/// <summary>
/// Settings under "Safeguarding" that say where and how this installation runs, read by the web host and the CLI
/// alike, each with its one default here; checked when either starts (<see cref="DeploymentOptionsValidator"/>).
/// </summary>
public sealed class DeploymentOptions
{
    public const string Section = "Safeguarding";

    /// <summary>
    /// The address users reach the hub at: links in emails and webhooks start with it. An absolute http or https URL.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The folder for the data-protection keys, shared by every instance; by default "keys" in the data directory.</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>The web host's background work: delivering notifications, watching deadlines, dispatching the outbox.</summary>
    public BackgroundWorkOptions BackgroundWork { get; set; } = new();

    /// <summary>Where the keys are kept, given the data directory (see <see cref="KeysDirectory"/>).</summary>
    public string KeysDirectoryIn(string dataDirectory) =>
        string.IsNullOrWhiteSpace(KeysDirectory) ? Path.Combine(dataDirectory, "keys") : KeysDirectory;

    /// <summary>
    /// Bound from configuration and checked, for a caller without the options machinery (the CLI). Throws
    /// <see cref="InvalidOperationException"/> naming every setting that is wrong.
    /// </summary>
    public static DeploymentOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new DeploymentOptions();
        configuration.GetSection(Section).Bind(options);
        var result = new DeploymentOptionsValidator().Validate(null, options);
        if (result.Failed) throw new InvalidOperationException(result.FailureMessage);
        return options;
    }
}

/// <summary>Settings under "Safeguarding:BackgroundWork".</summary>
public sealed class BackgroundWorkOptions
{
    /// <summary>Off for hosts whose every step is driven by someone else (the page tests, a dedicated worker).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between rounds of the background work.</summary>
    public int IntervalSeconds { get; set; } = 5;
}

/// <summary>The rules <see cref="DeploymentOptions"/> must keep, with a message that names the setting.</summary>
public sealed class DeploymentOptionsValidator : IValidateOptions<DeploymentOptions>
{
    public ValidateOptionsResult Validate(string? name, DeploymentOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            failures.Add($"Safeguarding:PublicBaseUrl must be an absolute http or https URL, such as https://hub.example.org (it is '{options.PublicBaseUrl}').");
        if (options.KeysDirectory is { } keys && keys.Length > 0 && string.IsNullOrWhiteSpace(keys))
            failures.Add("Safeguarding:KeysDirectory must name a folder, or be left out for the data directory's keys folder.");
        if (options.BackgroundWork.IntervalSeconds is < 1 or > 3600)
            failures.Add($"Safeguarding:BackgroundWork:IntervalSeconds must be 1 to 3600 (it is {options.BackgroundWork.IntervalSeconds}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
