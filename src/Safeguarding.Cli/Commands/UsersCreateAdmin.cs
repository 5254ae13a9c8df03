using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Users;
using Spectre.Console;

namespace Safeguarding.Cli.Commands;

/// <summary>
/// <c>safeguard users create-admin</c>: the first way in to a new installation. The password and TOTP secret are
/// shown once and never stored in clear: the password hashed, the secret encrypted with the installation's keys.
/// </summary>
public static class UsersCreateAdmin
{
    public const string AdministrationOrganisationName = "Service administration";

    public static Command Create(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "The administrator's email address (their sign-in name).", Required = true };
        var name = new Option<string>("--name") { Description = "The administrator's name, as others will see it.", Required = true };
        var partnershipCode = new Option<string?>("--partnership") { Description = "The partnership's code; needed only when there are several." };
        var newPartnershipName = new Option<string?>("--new-partnership-name")
        {
            Description = "On a new installation: create the partnership with this name and the --partnership code first.",
        };

        var command = new Command("create-admin", "Create a system administrator with a generated password and authenticator secret.");
        command.Options.Add(email);
        command.Options.Add(name);
        command.Options.Add(partnershipCode);
        command.Options.Add(newPartnershipName);
        command.SetAction(context.Guarded(async (parseResult, ct) =>
        {
            var address = parseResult.GetRequiredValue(email).Trim();
            var displayName = parseResult.GetRequiredValue(name).Trim();
            if (address.Length is < 3 or > 256 || address.IndexOf('@') is <= 0 || address.EndsWith('@'))
                throw new CliException($"'{address}' is not an email address.");
            if (displayName.Length is 0 or > 200)
                throw new CliException("Give the administrator's name (at most 200 characters) with --name.");

            await using var db = await context.OpenExistingAsync(parseResult, ct);
            var code = parseResult.GetValue(partnershipCode)?.Trim();
            var newName = parseResult.GetValue(newPartnershipName)?.Trim();
            db.Process = new ProcessContext("cli:users create-admin", null, "create a system administrator", "local");
            var now = db.Clock.GetCurrentInstant();
            Partnership partnership;
            if (!string.IsNullOrEmpty(newName))
            {
                if (string.IsNullOrEmpty(code) || code.Length > 64 || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                    throw new CliException("With --new-partnership-name, give --partnership a short code of lower-case letters, digits and hyphens.");
                if (await db.Partnerships.AnyAsync(p => p.Code == code, ct))
                    throw new CliException($"A partnership with the code '{code}' already exists; leave out --new-partnership-name.");
                partnership = new Partnership { Name = newName, Code = code, CreatedAt = now };
                db.Partnerships.Add(partnership);
            }
            else
            {
                partnership = await FindPartnershipAsync(db.Partnerships, code, ct);
            }
            var normalised = address.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised, ct))
                throw new CliException($"A user with the email {address} already exists.");

            var organisation = await db.Organisations
                .Where(o => o.PartnershipId == partnership.Id && o.Type == OrganisationType.CouncilService)
                .OrderBy(o => o.Name).FirstOrDefaultAsync(ct);
            if (organisation is null)
            {
                organisation = new Organisation { PartnershipId = partnership.Id, Name = AdministrationOrganisationName, Type = OrganisationType.CouncilService, CreatedAt = now };
                db.Organisations.Add(organisation);
            }

            var password = UserAccounts.NewPassword();
            var secret = UserAccounts.NewTotpSecret();
            var user = UserAccounts.NewUser(partnership.Id, organisation.Id, address, displayName, password, now, Role.SystemAdministrator);
            db.Users.Add(user);
            db.Set<IdentityUserToken<Guid>>().Add(UserAccounts.AuthenticatorKey(user, secret, context.Secrets(parseResult)));
            await db.SaveChangesAsync(ct);

            var table = new Table().AddColumns("", "").HideHeaders();
            table.AddRow("Email", Markup.Escape(address));
            table.AddRow("Partnership", Markup.Escape($"{partnership.Name} ({partnership.Code})"));
            table.AddRow("Organisation", Markup.Escape(organisation.Name));
            table.AddRow("Password", $"[bold]{Markup.Escape(password)}[/]");
            table.AddRow("Authenticator secret", $"[bold]{Markup.Escape(secret)}[/]");
            table.AddRow("Authenticator link", Markup.Escape(
                $"otpauth://totp/Safeguarding%20Hub:{Uri.EscapeDataString(address)}?secret={secret}&issuer=Safeguarding%20Hub&digits=6&period=30"));
            context.Console.MarkupLine($"Created system administrator [bold]{Markup.Escape(displayName)}[/].");
            context.Console.Write(table);
            context.Console.MarkupLine("Set up an authenticator app with the secret now (TOTP, SHA-1, 30 s, 6 digits): sign-in asks for its code.");
            context.Console.MarkupLine("[yellow]The password and secret are shown only this once.[/]");
            return Cli.Ok;
        }));
        return command;
    }

    internal static async Task<Partnership> FindPartnershipAsync(IQueryable<Partnership> partnerships, string? code, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(code))
            return await partnerships.SingleOrDefaultAsync(p => p.Code == code, ct)
                ?? throw new CliException($"There is no partnership with the code '{code}'.");
        var all = await partnerships.OrderBy(p => p.Code).Take(11).ToListAsync(ct);
        return all.Count switch
        {
            0 => throw new CliException("There is no partnership yet: add --partnership CODE --new-partnership-name NAME to create it (or run 'safeguard demo seed')."),
            1 => all[0],
            _ => throw new CliException($"There are several partnerships; choose one with --partnership ({string.Join(", ", all.Take(10).Select(p => p.Code))})."),
        };
    }
}
