using System.Security.Claims;
using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Web.Members;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components;

namespace BackOnTrack.Web.Trainer;

/// <summary>What a read of a client's log was, as the audit records it.</summary>
public static class ClientReads
{
    public const string ClientLog = "ClientLog";
    public const string SessionDetail = "SessionDetail";
    public const string CsvExport = "CsvExport";
    public const string Report = "Report";
}

public static class TrainerPolicies
{
    /// <summary>
    /// A page or endpoint about one client (its route has a <c>memberId</c>): trainers linked to that client
    /// and admins only. A trainer who is not linked gets 404, as if the client did not exist.
    /// </summary>
    public const string LinkedClient = "LinkedClient";

    /// <summary>The route value that names the client.</summary>
    public const string MemberIdRouteValue = "memberId";
}

/// <summary>Resource-based access to a client's data: a trainer reads only linked clients; an admin reads any member.</summary>
public sealed class ClientAccess(TrainerStore store, TimeProvider clock, ILogger<ClientAccess> logger)
{
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, string memberId, CancellationToken cancellationToken = default)
    {
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrWhiteSpace(memberId))
        {
            return false;
        }

        if (user.IsInRole(Roles.Admin))
        {
            return await store.IsMemberAsync(memberId, cancellationToken);
        }

        return user.IsInRole(Roles.Trainer) && await store.IsLinkedAsync(user.UserId(), memberId, cancellationToken);
    }

    /// <summary>Checks access and, when allowed, writes the read to the audit (who, whom, when, what). False means "not found".</summary>
    public async Task<bool> OpenAsync(ClaimsPrincipal user, string memberId, string what, CancellationToken cancellationToken = default)
    {
        if (!await CanReadAsync(user, memberId, cancellationToken))
        {
            return false;
        }

        await store.AuditReadAsync(user.UserId(), memberId, what, clock.GetUtcNow().UtcDateTime, cancellationToken);
        logger.LogInformation("{ReaderId} read {What} of member {MemberId}", user.UserId(), what, memberId);
        return true;
    }
}

/// <summary>The client named in the route must be one the user may read.</summary>
public sealed class ClientAccessRequirement : IAuthorizationRequirement;

public sealed class ClientAccessHandler(ClientAccess access) : AuthorizationHandler<ClientAccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ClientAccessRequirement requirement)
    {
        if (MemberIdOf(context.Resource) is { } memberId && await access.CanReadAsync(context.User, memberId))
        {
            context.Succeed(requirement);
        }
    }

    /// <summary>The client's id from an HTTP request's route, or from a Blazor page's route data (interactive navigation).</summary>
    public static string? MemberIdOf(object? resource) => resource switch
    {
        HttpContext http => http.GetRouteValue(TrainerPolicies.MemberIdRouteValue) as string,
        Microsoft.AspNetCore.Components.RouteData route => route.RouteValues
            .FirstOrDefault(kv => string.Equals(kv.Key, TrainerPolicies.MemberIdRouteValue, StringComparison.OrdinalIgnoreCase)).Value as string,
        _ => null,
    };
}

/// <summary>
/// A trainer or admin who may not read a client gets 404 (the client's existence is not revealed);
/// everyone else is handled as usual (sign in, or "not for this account").
/// </summary>
public sealed class ClientNotFoundResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.Any(r => r is ClientAccessRequirement) == true
            && (context.User.IsInRole(Roles.Trainer) || context.User.IsInRole(Roles.Admin)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
