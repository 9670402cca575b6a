using BackOnTrack.Data;
using BackOnTrack.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddBackOnTrackData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddBackOnTrackWeb(builder.Configuration);

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UseBackOnTrack();

await app.RunAsync();
