using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace AutoMl.Infrastructure.Logging;

public static class SerilogSetup
{
    /// <summary>JSON lines on the console, one schema for the API and the workers; levels overridable from "Serilog" configuration.</summary>
    public static IServiceCollection AddAutoMlSerilog(this IServiceCollection services, IConfiguration configuration, string component) =>
        services.AddSerilog((sp, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Information)
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(sp)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Component", component)
            .WriteTo.Console(new RenderedCompactJsonFormatter()));
}
