using AutoMl.Api.Hosting;
using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Logging;

// Hangfire's Redis storage makes synchronous Redis calls; a burst of enqueues must not wait on thread-pool growth.
ThreadPool.GetMinThreads(out var workers, out var io);
ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

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
