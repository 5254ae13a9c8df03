using Microsoft.AspNetCore.Identity;
using NodaTime;
using OtpNet;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Testing;

/// <summary>Builders for the records a test needs, saved through the real DbContext.</summary>
public sealed partial class TestData(Func<SafeguardingDbContext> newContext)
{
    public const string Password = "correct horse battery staple 42";

    /// <summary>
    /// The strength of the tests' password hash. The product's (Identity's default, 100,000 rounds) costs a sixth of a
    /// second a hash and as much a sign-in, and the tests make thousands of users and sign-ins; the test hosts verify
    /// with the same count (<see cref="PasswordHasherOptions.IterationCount"/>), so no sign-in asks to rehash.
    /// </summary>
    public const int PasswordIterations = 1_000;

    /// <summary>The one hash of <see cref="Password"/> every test user shares, made once: the salt is the hasher's own.</summary>
    public static string PasswordHash => SharedPasswordHash.Value;

    private static readonly Lazy<string> SharedPasswordHash = new(() =>
        new PasswordHasher<User>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = PasswordIterations }))
            .HashPassword(null!, Password));
    private static int _counter;

    public static int Next() => Interlocked.Increment(ref _counter);

    public async Task<Partnership> CreatePartnershipAsync(string? name = null)
    {
        var n = Next();
        var partnership = new Partnership { Name = name ?? $"Test partnership {n}", Code = $"test-{n}-{Guid.NewGuid():N}"[..30], CreatedAt = SystemClock.Instance.GetCurrentInstant() };
        await SaveAsync(db => db.Partnerships.Add(partnership));
        return partnership;
    }

    public async Task<Organisation> CreateOrganisationAsync(Guid partnershipId, OrganisationType type = OrganisationType.School, string? name = null)
    {
        var n = Next();
        var org = new Organisation
        {
            PartnershipId = partnershipId,
            Name = name ?? $"{type} {n}",
            Type = type,
            Urn = OrganisationRules.NeedsUrn(type) ? (100000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            OdsCode = OrganisationRules.NeedsOdsCode(type) ? $"T{n:00000}" : null,
            PoliceForceCode = OrganisationRules.NeedsPoliceForceCode(type) ? "13" : null,
            Phase = type == OrganisationType.School ? SchoolPhase.Primary : SchoolPhase.NotApplicable,
            CreatedAt = SystemClock.Instance.GetCurrentInstant(),
        };
        await SaveAsync(db => db.Organisations.Add(org));
        return org;
    }

    /// <summary>A user with a password and TOTP enabled; the returned secret makes MFA codes.</summary>
    public async Task<TestUser> CreateUserAsync(Organisation org, params Role[] roles)
    {
        var n = Next();
        var email = $"user{n}.{Guid.NewGuid():N}"[..24] + "@test.example";
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        var user = UserAccounts.NewUserWithPasswordHash(org.PartnershipId, org.Id, email, $"Test User {n}", PasswordHash, SystemClock.Instance.GetCurrentInstant(), roles);
        await SaveAsync(db =>
        {
            db.Users.Add(user);
            // In the clear, as seeds were stored before they were encrypted: the hosts read both (SecretsAtRest), and
            // the tests need no key ring of their own.
            db.Set<IdentityUserToken<Guid>>().Add(new IdentityUserToken<Guid>
            {
                UserId = user.Id, LoginProvider = UserAccounts.TokenProvider, Name = UserAccounts.AuthenticatorKeyName, Value = secret,
            });
        });
        return new TestUser(user, org, secret, roles.ToHashSet());
    }

    public async Task<Person> CreatePersonAsync(Guid partnershipId, params (Organisation Org, PersonLinkKind Kind)[] links)
    {
        var n = Next();
        var person = new Person
        {
            PartnershipId = partnershipId,
            GivenName = $"Child{n}",
            FamilyName = "Testperson",
            DateOfBirth = new LocalDate(2015, 3, 1),
            Sex = Sex.Female,
            CreatedAt = SystemClock.Instance.GetCurrentInstant(),
            Links = links.Select(l => new PersonLink { PartnershipId = partnershipId, OrganisationId = l.Org.Id, Kind = l.Kind, From = new LocalDate(2024, 9, 1) }).ToList(),
        };
        // As in the product, each organisation knows the person through a record of its own in the index.
        var records = links.Select(l => new SourceRecord
        {
            PartnershipId = partnershipId, OrganisationId = l.Org.Id, SourceSystem = "TEST", LocalId = $"{person.Id:N}-{l.Org.Id:N}"[..40],
            Received = "{}", ReceivedAt = person.CreatedAt, GivenName = person.GivenName, FamilyName = person.FamilyName,
            DateOfBirth = "2015-03-01", Sex = person.Sex, PersonId = person.Id, Outcome = LinkOutcome.LinkedAutomatically,
        }).ToList();
        await SaveAsync(db =>
        {
            db.People.Add(person);
            db.SourceRecords.AddRange(records);
        });
        return person;
    }

    /// <summary>An API client for the organisation; the clear secret is returned, only its hash is stored.</summary>
    public async Task<(string ClientId, string Secret)> CreateApiClientAsync(Organisation org, string scopes)
    {
        var secret = ApiClientSecrets.NewSecret();
        var clientId = ApiClientSecrets.NewClientId("test");
        await SaveAsync(db => db.ApiClients.Add(new ApiClient
        {
            PartnershipId = org.PartnershipId, OrganisationId = org.Id, Name = "Test system", ClientId = clientId,
            SecretHash = ApiClientSecrets.Hash(secret), Scopes = scopes, CreatedAt = SystemClock.Instance.GetCurrentInstant(),
        }));
        return (clientId, secret);
    }

    public async Task SaveAsync(Action<SafeguardingDbContext> change)
    {
        await using var db = newContext();
        db.Process = ProcessContext.System("test:arrange");
        change(db);
        await db.SaveChangesAsync();
    }
}

public sealed record TestUser(User User, Organisation Organisation, string TotpSecret, IReadOnlySet<Role> Roles)
{
    public string Email => User.Email!;

    public Actor Actor => new(User.PartnershipId, User.OrganisationId, User.DisplayName, Roles, UserId: User.Id);

    /// <summary>A code the service has not seen yet for this user (codes work once; see OneTimeCodes).</summary>
    public string CurrentCode() => OneTimeCodes.Next(TotpSecret);

    /// <summary>The code an authenticator app shows at a given time, for tests that move the host's clock.</summary>
    public string CodeAt(DateTimeOffset time) => new Totp(Base32Encoding.ToBytes(TotpSecret)).ComputeTotp(time.UtcDateTime);
}

/// <summary>
/// The service accepts each authenticator step once per user, and one step either side of its clock for drift. A
/// second sign-in within a step uses the next step's code (as an app a few seconds fast would show) instead of waiting
/// for it; only a third within the same step waits, for the step after.
/// </summary>
public static class OneTimeCodes
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastStep = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> InFlight = new();

    /// <summary>
    /// Takes the next code and submits it while no other sign-in for the same user is between the two. Two tests that
    /// sign the same user in at once would otherwise take steps S and S+1 and could deliver S+1 first; the service then
    /// refuses S as already used (seen in CI).
    /// </summary>
    public static async Task<T> SubmitAsync<T>(string base32Secret, Func<string, Task<T>> submit)
    {
        var gate = InFlight.GetOrAdd(base32Secret, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            return await submit(Next(base32Secret));
        }
        finally
        {
            gate.Release();
        }
    }

    public static string Next(string base32Secret)
    {
        var totp = new Totp(Base32Encoding.ToBytes(base32Secret));
        while (true)
        {
            var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var step = seconds / 30;
            var last = LastStep.GetOrAdd(base32Secret, -1);
            var use = Math.Max(step, last + 1);
            if (use <= step + 1)
            {
                if (LastStep.TryUpdate(base32Secret, use, last))
                    return totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(use * 30).UtcDateTime);
                continue;
            }
            Thread.Sleep(TimeSpan.FromSeconds(30 - seconds % 30) + TimeSpan.FromMilliseconds(50));
        }
    }
}
