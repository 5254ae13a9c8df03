using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Secrets;
using Safeguarding.Core.Platform.Users;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The demo's sign-ins: a user for every role (a Key Adult for every school), API clients for the partners' systems,
/// and their passwords, authenticator secrets and client secrets. Every secret is drawn at random for this
/// installation and leaves the process only in the credentials file (<see cref="DemoCredentials.WriteJsonAsync"/>):
/// nothing in the source lets anyone work them out. A lost file is replaced by renewing them (<see cref="RenewAsync"/>).
/// </summary>
internal sealed class DemoUsers(SafeguardingDbContext db, SecretsAtRest secrets, Instant now)
{
    private const string ClientIdPrefix = "demo-";

    private readonly Dictionary<string, (string Password, string TotpSecret)> _userSecrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _clientSecrets = new(StringComparer.Ordinal);

    /// <summary>A user for every role, each with a random password and authenticator secret.</summary>
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
                case Role.SafeguardingPartner:
                    // The three lead safeguarding partners, one for each, who sign off the yearly report.
                    plan.Add((role, "partner.council", orgs.Council));
                    plan.Add((role, "partner.icb", orgs.Icb));
                    plan.Add((role, "partner.police", orgs.Police));
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
                        Role.PoliceExploitationLead => (role, "police.exploitation", orgs.Police),
                        Role.ExploitationPractitioner => (role, "exploitation.practitioner", orgs.Council),
                        Role.YouthJusticeManager => (role, "youthjustice.manager", orgs.YouthJustice),
                        Role.MaceChair => (role, "mace.chair", orgs.Council),
                        Role.ServiceManager => (role, "service.manager", orgs.Council),
                        Role.EdSafeguardingNurse => (role, "ed.nurse", orgs.HospitalTrust),
                        Role.CmeNeetLead => (role, "cme.neet.lead", orgs.Council),
                        Role.AeNavigator => (role, "navigator", orgs.HospitalTrust),
                        Role.EarlyHelpPractitioner => (role, "early.help", orgs.Council),
                        Role.LiaisonAndDiversionPractitioner => (role, "liaison.diversion", orgs.MentalHealthTrust),
                        Role.VoluntarySectorPartner => (role, "voluntary.partner", orgs.DomesticAbuseService),
                        Role.ConferenceChair => (role, "conference.chair", orgs.Council),
                        Role.MaternitySafeguardingMidwife => (role, "midwife", orgs.HospitalTrust),
                        Role.ResettlementPractitioner => (role, "resettlement", orgs.YouthJustice),
                        Role.ComplexNeedsCoordinator => (role, "complex.needs", orgs.Icb),
                        Role.AgencySafeguardingLead => (role, "agency.lead", orgs.HospitalTrust),
                        Role.CaseAuditor => (role, "case.auditor", orgs.Council),
                        Role.SubGroupChair => (role, "subgroup.chair", orgs.Council),
                        _ => throw new InvalidOperationException($"The demo has no user planned for the role {role}."),
                    });
                    break;
            }
        }

        var names = plan.Select(_ => DemoPeople.RandomAdultName(random)).ToArray();
        foreach (var (_, local, _) in plan)
            _userSecrets[$"{local}@{DemoPartnership.EmailDomain}"] = (UserAccounts.NewPassword(), UserAccounts.NewTotpSecret());
        var users = new User[plan.Count];
        var done = 0;
        // Hashing a password is deliberately slow: spread it over the cores.
        await Parallel.ForAsync(0, plan.Count, ct, (i, _) =>
        {
            var (role, local, org) = plan[i];
            var email = $"{local}@{DemoPartnership.EmailDomain}";
            users[i] = UserAccounts.NewUser(org.PartnershipId, org.Id, email, names[i], _userSecrets[email].Password, now, role);
            progress?.Report(new DemoProgress("Users", Interlocked.Increment(ref done), plan.Count));
            return ValueTask.CompletedTask;
        });
        foreach (var user in users)
        {
            db.Users.Add(user);
            db.Set<IdentityUserToken<Guid>>().Add(UserAccounts.AuthenticatorKey(user, _userSecrets[user.Email!].TotpSecret, secrets));
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
            // The emergency department's system: any child's flags, each read with a purpose (CP-IS for unscheduled care).
            (orgs.HospitalTrust, "hospital-ed", "health-flags:unscheduled-care"),
            (orgs.MentalHealthTrust, "mentalhealth", "people:read"),
            (gp, $"gp-{gp.OdsCode!.ToLowerInvariant()}", "people:read health-flags:read"),
        ];
        foreach (var (org, id, scopes) in clients)
        {
            var clientId = ClientIdPrefix + id;
            var secret = _clientSecrets[clientId] = ApiClientSecrets.NewSecret();
            db.ApiClients.Add(new ApiClient
            {
                PartnershipId = org.PartnershipId, OrganisationId = org.Id, Name = $"{org.Name} (demo system)", ClientId = clientId,
                SecretHash = ApiClientSecrets.Hash(secret), Scopes = scopes, CreatedAt = now,
            });
        }
    }

    /// <summary>The sign-ins of what this instance seeded, with the secrets it drew.</summary>
    public Task<DemoCredentials> CredentialsAsync(Guid partnershipId, CancellationToken ct) =>
        CredentialsAsync(db, partnershipId, _userSecrets, _clientSecrets, ct);

    /// <summary>
    /// New random secrets for every demo user and API client of an existing demo partnership, saved (and audited),
    /// for when its credentials file is gone: the old secrets cannot be recovered, by design.
    /// </summary>
    public static async Task<DemoCredentials> RenewAsync(SafeguardingDbContext db, SecretsAtRest secrets, Guid partnershipId, CancellationToken ct)
    {
        var users = await DemoUsersOf(db, partnershipId).ToListAsync(ct);
        var keys = await db.Set<IdentityUserToken<Guid>>()
            .Where(t => t.LoginProvider == UserAccounts.TokenProvider && t.Name == UserAccounts.AuthenticatorKeyName)
            .Where(t => db.Users.Any(u => u.Id == t.UserId && u.PartnershipId == partnershipId && u.Email!.EndsWith("@" + DemoPartnership.EmailDomain)))
            .ToDictionaryAsync(t => t.UserId, ct);
        var clients = await DemoClientsOf(db, partnershipId).ToListAsync(ct);
        var userSecrets = new Dictionary<string, (string Password, string TotpSecret)>(StringComparer.Ordinal);
        var clientSecrets = new Dictionary<string, string>(StringComparer.Ordinal);
        var hasher = new PasswordHasher<User>();
        foreach (var user in users)
        {
            var (password, totp) = userSecrets[user.Email!] = (UserAccounts.NewPassword(), UserAccounts.NewTotpSecret());
            user.PasswordHash = hasher.HashPassword(user, password);
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            if (keys.TryGetValue(user.Id, out var key)) key.Value = secrets.Protect(StoredSecret.TotpSeed, totp);
            else db.Set<IdentityUserToken<Guid>>().Add(UserAccounts.AuthenticatorKey(user, totp, secrets));
        }
        foreach (var client in clients)
            client.SecretHash = ApiClientSecrets.Hash(clientSecrets[client.ClientId] = ApiClientSecrets.NewSecret());
        await db.SaveChangesAsync(ct);
        return await CredentialsAsync(db, partnershipId, userSecrets, clientSecrets, ct);
    }

    private static IQueryable<User> DemoUsersOf(SafeguardingDbContext db, Guid partnershipId) =>
        db.Users.Include(u => u.Roles).Where(u => u.PartnershipId == partnershipId && u.Email!.EndsWith("@" + DemoPartnership.EmailDomain));

    private static IQueryable<ApiClient> DemoClientsOf(SafeguardingDbContext db, Guid partnershipId) =>
        db.ApiClients.Where(c => c.PartnershipId == partnershipId && c.ClientId.StartsWith(ClientIdPrefix));

    private static async Task<DemoCredentials> CredentialsAsync(SafeguardingDbContext db, Guid partnershipId,
        Dictionary<string, (string Password, string TotpSecret)> userSecrets, Dictionary<string, string> clientSecrets, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var users = await DemoUsersOf(db, partnershipId).AsNoTracking().ToListAsync(ct);
        var clients = await DemoClientsOf(db, partnershipId).AsNoTracking().ToListAsync(ct);

        return new DemoCredentials(
            users.Select(u => (User: u, Role: u.Roles.Select(r => r.Role).DefaultIfEmpty(Role.Analyst).Min()))
                .OrderBy(x => x.Role).ThenBy(x => x.User.Email, StringComparer.Ordinal)
                .Select(x => new DemoUserCredential(x.Role.ToString(), x.User.DisplayName, x.User.Email!, userSecrets[x.User.Email!].Password,
                    userSecrets[x.User.Email!].TotpSecret, organisations.GetValueOrDefault(x.User.OrganisationId, "")))
                .ToList(),
            clients.OrderBy(c => c.ClientId, StringComparer.Ordinal)
                .Select(c => new DemoApiClientCredential(organisations.GetValueOrDefault(c.OrganisationId, ""), c.ClientId, clientSecrets[c.ClientId], c.Scopes))
                .ToList());
    }
}
