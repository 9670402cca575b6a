namespace BackOnTrack.Web.Kiosk;

/// <summary>
/// Deny by default for kiosk sign-ins: a request from a kiosk principal reaches only endpoints marked
/// <see cref="KioskAllowedAttribute"/> (the kiosk pages and endpoints, static assets, the circuit hub);
/// everything else — member pages, account settings, exports, history, progress, trainer and admin pages,
/// unknown addresses — is answered 403. Kiosk responses are never cached, so nothing personal stays in the
/// browser's cache or back/forward history after sign-out.
/// </summary>
public sealed class KioskBoundaryMiddleware(RequestDelegate next)
{
    public const string RefusedText = "Not available on a gym kiosk";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.User.IsKiosk() || http.Request.Path.StartsWithSegments("/kiosk", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.CacheControl = "no-store";
        }

        var endpoint = http.GetEndpoint();

        // A kiosk page opened after the sign-in ended (time-out, sign-out, a revoked tablet) goes back to the
        // kiosk's welcome, not to the account sign-in page: a shared tablet never shows a password form.
        if (http.User.Identity?.IsAuthenticated != true && HttpMethods.IsGet(http.Request.Method)
            && endpoint?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == KioskClaims.MemberOnKioskPolicy) == true)
        {
            http.Response.Redirect("/kiosk");
            return;
        }

        if (http.User.IsKiosk() && endpoint?.Metadata.GetMetadata<KioskAllowedAttribute>() is null)
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{RefusedText}</title></head><body>" +
                $"<h1>{RefusedText}</h1><p>On the gym tablet you can train and see today's plan. Everything else is on your own phone or computer.</p>" +
                "<p><a href=\"/kiosk/home\">Back to the kiosk</a></p></body></html>",
                http.RequestAborted);
            return;
        }

        await next(http);
    }
}
