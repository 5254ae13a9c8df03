using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguarding.Core.Demo;

public enum DemoScale
{
    /// <summary>About 20 schools and 600 children: quick to seed, for development and tests.</summary>
    Small,
    /// <summary>A city the size of Leeds: 280 schools and 136,799 pupils.</summary>
    City,
}

public sealed record DemoProgress(string Stage, long Done, long Total);

public sealed record DemoUserCredential(string Role, string DisplayName, string Email, string Password, string TotpSecret, string OrganisationName);

public sealed record DemoApiClientCredential(string OrganisationName, string ClientId, string ClientSecret, string Scopes);

/// <summary>How to sign in to the demo: every user's password and TOTP secret, every API client's secret.</summary>
public sealed record DemoCredentials(IReadOnlyList<DemoUserCredential> Users, IReadOnlyList<DemoApiClientCredential> ApiClients)
{
    public const string Note =
        "Demonstration data only: every person is synthetic. These credentials were drawn at random for this installation " +
        "and are written only to this file. " +
        "Sign in with the email and password, then enter the 6-digit code from any authenticator app set up with totpSecret " +
        "(or compute it: RFC 6238, SHA-1, 30 s, 6 digits). API clients send clientId and clientSecret.";

    /// <summary>True when the demo partnership was already there and nothing was added.</summary>
    [JsonIgnore]
    public bool WasAlreadySeeded { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteJsonAsync(string path, CancellationToken ct = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        // Passwords are inside: readable by the owner only (mode 600) from the moment it exists, where the platform allows it.
        var owner = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) owner.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var file = new FileStream(path, owner))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await JsonSerializer.SerializeAsync(file, new { note = Note, users = Users, apiClients = ApiClients }, Json, ct);
        }
    }

    /// <summary>
    /// The file written by <see cref="WriteJsonAsync"/>, or null when there is none, it cannot be read as one, or an
    /// earlier version wrote it (its note differs): those versions derived the secrets from a key in the source.
    /// </summary>
    public static async Task<DemoCredentials?> TryReadJsonAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path)) return null;
        try
        {
            await using var file = File.OpenRead(path);
            var read = await JsonSerializer.DeserializeAsync<CredentialsFile>(file, Json, ct);
            return read is { Note: Note, Users: not null, ApiClients: not null } ? new DemoCredentials(read.Users, read.ApiClients) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record CredentialsFile(string? Note, IReadOnlyList<DemoUserCredential>? Users, IReadOnlyList<DemoApiClientCredential>? ApiClients);
}
