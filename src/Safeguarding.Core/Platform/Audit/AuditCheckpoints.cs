using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Platform.Audit;

/// <summary>
/// Where the signed checkpoints of the audit chain go and which key signs them (settings under "Safeguarding:Audit").
/// Both live outside the database, so that someone who can write to the database cannot rewrite the chain unseen.
/// </summary>
/// <param name="CheckpointFile">Append-only file, one signed line per checkpoint; put it on WORM or object-lock storage.</param>
/// <param name="SigningKeyFile">The Ed25519 private key (made on first use, beside the data-protection keys by default).</param>
/// <param name="PublicKey">The public key verify checks against (base64), pinned in configuration; else read beside the private key.</param>
/// <param name="IntervalSeconds">How often the web host writes a checkpoint when the chain has grown.</param>
public sealed record AuditCheckpointOptions(string CheckpointFile, string SigningKeyFile, string? PublicKey, int IntervalSeconds = 60)
{
    public const string Section = "Safeguarding:Audit";

    public static AuditCheckpointOptions FromConfiguration(IConfiguration configuration, DatabaseSettings database)
    {
        var section = configuration.GetSection(Section);
        var keys = configuration["Safeguarding:KeysDirectory"] is { Length: > 0 } k && !string.IsNullOrWhiteSpace(k)
            ? k
            : Path.Combine(database.DataDirectory, "keys");
        var interval = int.TryParse(section["CheckpointIntervalSeconds"], CultureInfo.InvariantCulture, out var s) ? s : 60;
        if (interval is < 1 or > 3600)
            throw new InvalidOperationException($"{Section}:CheckpointIntervalSeconds must be 1 to 3600 (it is {interval}).");
        return new AuditCheckpointOptions(
            Path.GetFullPath(section["CheckpointFile"] is { Length: > 0 } f ? f : Path.Combine(database.DataDirectory, "audit-checkpoints.log")),
            Path.GetFullPath(section["SigningKeyFile"] is { Length: > 0 } key ? key : Path.Combine(keys, "audit-signing.key")),
            section["PublicKey"] is { Length: > 0 } pub ? pub.Trim() : null,
            interval);
    }

    /// <summary>The public key file written beside the private key.</summary>
    public string PublicKeyFile => SigningKeyFile + ".pub";
}

/// <summary>One signed statement: "at this time the chain's head was entry Sequence with this hash".</summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, Instant At, int Line);

/// <summary>The checkpoints read from the file; a line that is not signed by the key is named rather than trusted.</summary>
public sealed record AuditCheckpointSet(string File, IReadOnlyList<AuditCheckpoint> Checkpoints, string? Problem)
{
    public static readonly AuditCheckpointSet None = new("", [], null);
}

/// <summary>
/// Signs checkpoints of the chain head with an Ed25519 key kept out of the database, appends them to a file, and reads
/// them back for <see cref="AuditTrail.VerifyAsync(AuditCheckpointSet?, IProgress{long}?, CancellationToken)"/>.
/// </summary>
public static class AuditCheckpoints
{
    private const string Version = "v1";

    /// <summary>
    /// Signs the current head and appends it, unless the head is not past <paramref name="afterSequence"/>. Refuses to
    /// sign a head that does not match its entry (the chain was already changed): that is for verify to report.
    /// </summary>
    public static async Task<AuditCheckpoint?> WriteAsync(SafeguardingDbContext db, AuditCheckpointOptions options, long afterSequence = 0,
        CancellationToken ct = default)
    {
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == 1, ct);
        if (head is null || head.LastSequence <= afterSequence) return null;
        var entryHash = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == head.LastSequence).Select(e => e.Hash).SingleOrDefaultAsync(ct);
        if (entryHash != head.LastHash)
            throw new InvalidOperationException($"The audit chain's head (entry {head.LastSequence}) does not match its entry: run 'safeguard audit verify'.");

        var key = LoadOrCreateKey(options);
        var at = AuditChain.Normalise(db.Clock.GetCurrentInstant());
        var statement = Statement(head.LastSequence, head.LastHash, at);
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        var bytes = Encoding.UTF8.GetBytes(statement);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        var line = $"{statement} {Convert.ToBase64String(signer.GenerateSignature())}\n";

        Directory.CreateDirectory(Path.GetDirectoryName(options.CheckpointFile)!);
        // Opened for append only: each line is written at the end, whole, by every instance sharing the file.
        await using (var file = new FileStream(options.CheckpointFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(line), ct);
            file.Flush(flushToDisk: true);
        }
        return new AuditCheckpoint(head.LastSequence, head.LastHash, at, 0);
    }

    /// <summary>
    /// The key verify checks against: the pinned public key, else the public key file, else the one derived from the
    /// private key; null when this installation has never signed a checkpoint (the chain alone is checked).
    /// </summary>
    public static Ed25519PublicKeyParameters? VerificationKey(AuditCheckpointOptions options)
    {
        if (options.PublicKey is { } pinned) return PublicKeyFrom(pinned, "Safeguarding:Audit:PublicKey");
        if (File.Exists(options.PublicKeyFile)) return PublicKeyFrom(File.ReadAllText(options.PublicKeyFile).Trim(), options.PublicKeyFile);
        return File.Exists(options.SigningKeyFile) ? ReadPrivateKey(options.SigningKeyFile).GeneratePublicKey() : null;
    }

    /// <summary>
    /// Every checkpoint in the file, each checked against the key; the first line that is malformed or not signed by it is
    /// the set's problem. No key: no checkpoints to check.
    /// </summary>
    public static AuditCheckpointSet Read(AuditCheckpointOptions options)
    {
        var key = VerificationKey(options);
        if (key is null) return AuditCheckpointSet.None;
        if (!File.Exists(options.CheckpointFile)) return new AuditCheckpointSet(options.CheckpointFile, [], null);
        var checkpoints = new List<AuditCheckpoint>();
        var number = 0;
        using var reader = new StreamReader(new FileStream(options.CheckpointFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0) continue;
            if (Parse(line, key, number) is not { } checkpoint)
                return new AuditCheckpointSet(options.CheckpointFile, checkpoints, $"line {number} of {options.CheckpointFile} is not a checkpoint signed by the audit key");
            checkpoints.Add(checkpoint);
        }
        return new AuditCheckpointSet(options.CheckpointFile, checkpoints, null);
    }

    private static AuditCheckpoint? Parse(string line, Ed25519PublicKeyParameters key, int number)
    {
        var parts = line.Split(' ');
        if (parts.Length != 5 || parts[0] != Version) return null;
        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1) return null;
        if (parts[2].Length != 64) return null;
        var at = InstantPattern.ExtendedIso.Parse(parts[3]);
        if (!at.Success) return null;
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(parts[4]);
        }
        catch (FormatException)
        {
            return null;
        }
        var verifier = new Ed25519Signer();
        verifier.Init(false, key);
        var bytes = Encoding.UTF8.GetBytes(Statement(sequence, parts[2], at.Value));
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(signature) ? new AuditCheckpoint(sequence, parts[2], at.Value, number) : null;
    }

    private static string Statement(long sequence, string hash, Instant at) =>
        $"{Version} {sequence.ToString(CultureInfo.InvariantCulture)} {hash} {InstantPattern.ExtendedIso.Format(at)}";

    private static Ed25519PublicKeyParameters PublicKeyFrom(string base64, string where)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64);
            if (bytes.Length == Ed25519PublicKeyParameters.KeySize) return new Ed25519PublicKeyParameters(bytes, 0);
        }
        catch (FormatException)
        {
        }
        throw new InvalidOperationException($"{where} is not an Ed25519 public key (32 bytes, base64).");
    }

    private static Ed25519PrivateKeyParameters ReadPrivateKey(string path)
    {
        var bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
        if (bytes.Length != Ed25519PrivateKeyParameters.KeySize) throw new InvalidOperationException($"{path} is not an Ed25519 private key.");
        return new Ed25519PrivateKeyParameters(bytes, 0);
    }

    /// <summary>Reads the private key, or makes one (readable by this user only) with its public key beside it.</summary>
    internal static Ed25519PrivateKeyParameters LoadOrCreateKey(AuditCheckpointOptions options)
    {
        if (File.Exists(options.SigningKeyFile)) return ReadPrivateKey(options.SigningKeyFile);
        Directory.CreateDirectory(Path.GetDirectoryName(options.SigningKeyFile)!);
        var key = new Ed25519PrivateKeyParameters(RandomNumberGenerator.GetBytes(Ed25519PrivateKeyParameters.KeySize), 0);
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(options.SigningKeyFile, Encoding.ASCII, create))
                writer.Write(Convert.ToBase64String(key.GetEncoded()));
            File.WriteAllText(options.PublicKeyFile, Convert.ToBase64String(key.GeneratePublicKey().GetEncoded()));
            return key;
        }
        catch (IOException) when (File.Exists(options.SigningKeyFile))
        {
            // Another instance made it a moment earlier: theirs is the key.
            return ReadPrivateKey(options.SigningKeyFile);
        }
    }
}
