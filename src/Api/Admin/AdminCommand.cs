namespace AutoMl.Api.Admin;

/// <summary>
/// `dotnet AutoMl.Api.dll admin grant-role EMAIL`: runs after the migration and before the server starts, then exits,
/// so it works on a machine where the API is already listening.
/// </summary>
internal static class AdminCommand
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 1 || args[0] != "admin")
        {
            return false;
        }
        if (args.Length != 3 || args[1] != "grant-role")
        {
            await Console.Error.WriteLineAsync("usage: admin grant-role EMAIL");
            Environment.ExitCode = 2;
            return true;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var granted = await AdminRole.GrantAsync(scope.ServiceProvider, args[2]);
        await Console.Out.WriteLineAsync(granted ? $"{args[2]} is now an admin." : $"No account has the email {args[2]}: sign up first.");
        Environment.ExitCode = granted ? 0 : 1;
        return true;
    }
}
