using System.Security.Cryptography;
using System.Text;

namespace AutoMl.Domain.Accounts;

/// <summary>
/// One mailbox, however its address is spelled. The big providers deliver j.doe+x@gmail.com to jdoe@gmail.com, so a
/// once-per-address rule (the welcome bonus) has to compare the mailbox, not the string the user typed.
/// </summary>
public static class MailboxIdentity
{
    private static readonly HashSet<string> Gmail = ["gmail.com", "googlemail.com"];

    private static readonly HashSet<string> PlusTagged =
    [
        "outlook.com", "hotmail.com", "live.com", "msn.com",
        "icloud.com", "me.com", "mac.com",
        "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
    ];

    private static readonly HashSet<string> Yahoo = ["yahoo.com", "ymail.com", "rocketmail.com"];

    /// <summary>
    /// Lower case; for Gmail the dots and the +tag of the local part go and googlemail.com is gmail.com; for Outlook,
    /// iCloud and Proton the +tag goes; for Yahoo the -tag goes. Other domains keep their local part as typed (lower case).
    /// </summary>
    public static string Normalise(string address)
    {
        var trimmed = address.Trim().ToLowerInvariant();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            return trimmed;
        }
        var local = trimmed[..at];
        var domain = trimmed[(at + 1)..].TrimEnd('.');
        if (Gmail.Contains(domain))
        {
            return $"{Untagged(local, '+').Replace(".", "", StringComparison.Ordinal)}@gmail.com";
        }
        if (PlusTagged.Contains(domain) || IsRegional(domain, "hotmail.") || IsRegional(domain, "outlook.") || IsRegional(domain, "live."))
        {
            return $"{Untagged(local, '+')}@{domain}";
        }
        if (Yahoo.Contains(domain) || IsRegional(domain, "yahoo."))
        {
            return $"{Untagged(local, '-')}@{domain}";
        }
        return $"{local}@{domain}";
    }

    /// <summary>SHA-256 of the normalised address, hex: what is kept after the account (and its address) is gone.</summary>
    public static string Hash(string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(address))));

    private static string Untagged(string local, char separator)
    {
        var cut = local.IndexOf(separator, StringComparison.Ordinal);
        return cut > 0 ? local[..cut] : local;
    }

    // hotmail.co.uk, yahoo.fr, live.de: the same provider and rules under a country domain.
    private static bool IsRegional(string domain, string provider) => domain.StartsWith(provider, StringComparison.Ordinal);
}
