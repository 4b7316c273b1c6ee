using Hangfire;
using Hangfire.Dashboard;

namespace AutoMl.Api.Admin;

internal static class HangfireDashboard
{
    /// <summary>Hangfire's dashboard at /hangfire, behind our admin policy instead of its local-requests-only default.</summary>
    public static void MapAdminHangfireDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = Array.Empty<IDashboardAuthorizationFilter>(),
            AsyncAuthorization = Array.Empty<IDashboardAsyncAuthorizationFilter>(),
            DashboardTitle = "AutoMl jobs",
        }, app.Services.GetRequiredService<JobStorage>()).RequireAuthorization(AdminRole.Policy);
}
