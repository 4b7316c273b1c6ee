using AutoMl.Api.Hosting;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Logging;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAutoMlSerilog(builder.Configuration, "api");
builder.AddAutoMlSentry();
builder.Services.AddAutoMlInfrastructure(builder.Configuration);
builder.Services.AddAutoMlApi(builder.Configuration);

var app = builder.Build();
await app.MigrateDatabaseAsync();
if (await AutoMl.Api.Admin.AdminCommand.TryRunAsync(app, args)) return;
app.UseAutoMlPipeline();
app.MapAutoMlEndpoints();
await app.RunAsync();

public partial class Program;
