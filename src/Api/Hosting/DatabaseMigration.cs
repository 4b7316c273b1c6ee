using AutoMl.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoMl.Api.Hosting;

internal static class DatabaseMigration
{
    /// <summary>EF Core takes a database lock while migrating, so several instances starting together is safe.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoMlDbContext>();
        await db.Database.MigrateAsync();
    }
}
