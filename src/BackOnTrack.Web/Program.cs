using BackOnTrack.Data;
using BackOnTrack.Web;
using BackOnTrack.Web.Diagnostics;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddBackOnTrackData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddBackOnTrackWeb(builder.Configuration);
builder.Services.AddPerfDiagnostics(builder.Configuration); // off unless PerfDiagnostics:Enabled (perf/ load harness)

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UseBackOnTrack();

await app.RunAsync();
