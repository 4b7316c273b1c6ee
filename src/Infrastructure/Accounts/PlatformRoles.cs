namespace AutoMl.Infrastructure.Accounts;

/// <summary>The Identity roles the platform grants; workers read them too (alerts go to every admin).</summary>
public static class PlatformRoles
{
    public const string Admin = "admin";
}
