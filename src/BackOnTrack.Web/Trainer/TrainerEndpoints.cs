using System.Security.Claims;
using System.Text;
using BackOnTrack.Data.Trainers;

namespace BackOnTrack.Web.Trainer;

public static class TrainerEndpoints
{
    /// <summary>The CSV export of a client's whole log (linked trainers and admins; audited).</summary>
    public static void MapTrainerEndpoints(this WebApplication app)
    {
        app.MapGet("/trainer/clients/{memberId}/log.csv", async (string memberId, HttpContext http, ClaimsPrincipal user, ClientAccess access, ClientLogStore log, TrainerStore trainers) =>
            {
                if (!await access.OpenAsync(user, memberId, ClientReads.CsvExport, http.RequestAborted))
                {
                    return Results.NotFound();
                }

                var name = (await trainers.AccountAsync(memberId, http.RequestAborted))?.Name ?? "client";
                var safeName = new string(name.Where(char.IsAsciiLetterOrDigit).ToArray());
                return Results.Stream(async body =>
                {
                    await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024);
                    await log.WriteCsvAsync(memberId, writer, http.RequestAborted);
                }, "text/csv; charset=utf-8", $"backontrack-{(safeName.Length > 0 ? safeName : "client")}-log.csv");
            })
            .RequireAuthorization(TrainerPolicies.LinkedClient);
    }
}
