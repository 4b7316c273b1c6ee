using AutoMl.Infrastructure;
using AutoMl.Infrastructure.Logging;
using AutoMl.Workers.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddAutoMlSerilog(builder.Configuration, "worker");
builder.Services.AddAutoMlInfrastructure(builder.Configuration);
builder.Services.AddAutoMlWorker(builder.Configuration);
await builder.Build().RunAsync();
