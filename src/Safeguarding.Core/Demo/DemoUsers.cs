using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The demo's sign-ins: a user for every role (a Key Adult for every school), API clients for the partners' systems,
/// and their passwords, authenticator secrets and client secrets, derived from a fixed key so that they can be
/// written out again at any time.
/// </summary>
internal sealed class DemoUsers(SafeguardingDbContext db, Instant now)
{
    private const string ClientIdPrefix = "demo-";

    // Public on purpose: demo credentials are derived from this key so they can be written out again at any time.
    // They only ever protect synthetic data.
    private static readonly byte[] CredentialKey = "safeguarding-hub demo credentials v1"u8.ToArray();

    /// <summary>A user for every role, with a password and an authenticator secret derived from the fixed key.</summary>
    public async Task SeedUsersAsync(DemoOrganisations orgs, IProgress<DemoProgress>? progress, CancellationToken ct)
    {
        var random = new Random(1302);
        var plan = new List<(Role Role, string Email, Organisation Org)>();
        foreach (var role in Enum.GetValues<Role>())
        {
            switch (role)
            {
                case Role.SchoolKeyAdult:
                    plan.AddRange(orgs.Schools.Select(s => (role, $"keyadult.{s.Urn}", s)));
                    break;
                case Role.CollegeSafeguardingLead:
                    plan.AddRange(orgs.Colleges.Select(c => (role, $"collegelead.{c.Urn}", c)));
                    break;
                case Role.SettingDataManager:
                    plan.Add((role, $"datamanager.{orgs.Schools[0].Urn}", orgs.Schools[0]));
                    break;
                case Role.GpPractice:
                    var practice = orgs.GpPractices[0];
                    plan.Add((role, $"gp.{practice.OdsCode!.ToLowerInvariant()}", practice));
                    break;
                default:
                    plan.Add(role switch
                    {
                        Role.SystemAdministrator => (role, "system.admin", orgs.Council),
                        Role.PartnershipAdministrator => (role, "partnership.admin", orgs.Council),
                        Role.PoliceDomesticAbuse => (role, "police.domesticabuse", orgs.Police),
                        Role.PoliceIntelligence => (role, "police.intelligence", orgs.Police),
                        Role.FrontDoorPractitioner => (role, "frontdoor.practitioner", orgs.Council),
                        Role.FrontDoorManager => (role, "frontdoor.manager", orgs.Council),
                        Role.SocialWorker => (role, "social.worker", orgs.Council),
                        Role.TeamManager => (role, "team.manager", orgs.Council),
                        Role.HealthSafeguardingPractitioner => (role, "health.safeguarding", orgs.HospitalTrust),
                        Role.Idva => (role, "idva", orgs.DomesticAbuseService),
                        Role.YouthJusticeWorker => (role, "youthjustice", orgs.YouthJustice),
                        Role.Analyst => (role, "analyst", orgs.Council),
                        Role.PartnershipBusinessManager => (role, "business.manager", orgs.Council),
                        Role.EducationLead => (role, "education.lead", orgs.Council),
                        _ => throw new InvalidOperationException($"The demo has no user planned for the role {role}."),
                    });
                    break;
            }
        }

        var names = plan.Select(_ => DemoPeople.RandomAdultName(random)).ToArray();
        var users = new User[plan.Count];
        var done = 0;
        // Hashing a password is deliberately slow: spread it over the cores.
        await Parallel.ForAsync(0, plan.Count, ct, (i, _) =>
        {
            var (role, local, org) = plan[i];
            var email = $"{local}@{DemoPartnership.EmailDomain}";
            users[i] = UserAccounts.NewUser(org.PartnershipId, org.Id, email, names[i], DemoPassword(email), now, role);
            progress?.Report(new DemoProgress("Users", Interlocked.Increment(ref done), plan.Count));
            return ValueTask.CompletedTask;
        });
        foreach (var user in users)
        {
            db.Users.Add(user);
            db.Set<IdentityUserToken<Guid>>().Add(UserAccounts.AuthenticatorKey(user, DemoTotpSecret(user.Email!)));
        }
        await DemoPartnership.SaveBatchAsync(db, ct);
    }

    /// <summary>An API client for each partner system that sends or reads records; added, saved by the caller.</summary>
    public void AddApiClients(DemoOrganisations orgs)
    {
        var gp = orgs.GpPractices[0];
        (Organisation Org, string Id, string Scopes)[] clients =
        [
            (orgs.Police, $"police-{DemoPartnership.PoliceForceCode}", "people:write people:read incidents:write"),
            (orgs.Council, "council", "people:read people:write organisations:read"),
            (orgs.Icb, "icb", "people:read"),
            (orgs.HospitalTrust, "hospital", "people:read health-flags:read"),
            (orgs.MentalHealthTrust, "mentalhealth", "people:read"),
            (gp, $"gp-{gp.OdsCode!.ToLowerInvariant()}", "people:read health-flags:read"),
        ];
        foreach (var (org, id, scopes) in clients)
        {
            var clientId = ClientIdPrefix + id;
            db.ApiClients.Add(new ApiClient
            {
                PartnershipId = org.PartnershipId, OrganisationId = org.Id, Name = $"{org.Name} (demo system)", ClientId = clientId,
                SecretHash = ApiClientSecrets.Hash(DemoApiSecret(clientId)), Scopes = scopes, CreatedAt = now,
            });
        }
    }

    /// <summary>Rebuilt from the database and the fixed key, so it is the same after the seed and on any later run.</summary>
    public static async Task<DemoCredentials> CredentialsAsync(SafeguardingDbContext db, Guid partnershipId, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var users = await db.Users.AsNoTracking().Include(u => u.Roles)
            .Where(u => u.PartnershipId == partnershipId && u.Email!.EndsWith("@" + DemoPartnership.EmailDomain))
            .ToListAsync(ct);
        var clients = await db.ApiClients.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.ClientId.StartsWith(ClientIdPrefix))
            .ToListAsync(ct);

        return new DemoCredentials(
            users.Select(u => (User: u, Role: u.Roles.Select(r => r.Role).DefaultIfEmpty(Role.Analyst).Min()))
                .OrderBy(x => x.Role).ThenBy(x => x.User.Email, StringComparer.Ordinal)
                .Select(x => new DemoUserCredential(x.Role.ToString(), x.User.DisplayName, x.User.Email!, DemoPassword(x.User.Email!),
                    DemoTotpSecret(x.User.Email!), organisations.GetValueOrDefault(x.User.OrganisationId, "")))
                .ToList(),
            clients.OrderBy(c => c.ClientId, StringComparer.Ordinal)
                .Select(c => new DemoApiClientCredential(organisations.GetValueOrDefault(c.OrganisationId, ""), c.ClientId, DemoApiSecret(c.ClientId), c.Scopes))
                .ToList());
    }

    private static byte[] Derive(string purpose, string subject) =>
        HMACSHA256.HashData(CredentialKey, Encoding.UTF8.GetBytes($"{purpose}:{subject}"));

    internal static string DemoPassword(string email) => UserAccounts.PasswordFrom(Derive("password", email));

    internal static string DemoTotpSecret(string email) => Base32.Encode(Derive("totp", email).AsSpan(0, 20));

    internal static string DemoApiSecret(string clientId) =>
        Convert.ToBase64String(Derive("api-client", clientId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
