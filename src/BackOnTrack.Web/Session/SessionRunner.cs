using BackOnTrack.Data.Sessions;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Web.Session;

public enum CommandStatus
{
    /// <summary>Recorded in the log; the new state is showing.</summary>
    Accepted,

    /// <summary>The engine said no; nothing changed. The message says why.</summary>
    Rejected,

    /// <summary>The screen the command came from was already out of date (a double tap): ignored, nothing changed.</summary>
    Stale,

    /// <summary>Another screen moved the session on first; the state was reloaded from the log.</summary>
    Conflict,
}

public sealed record CommandOutcome(CommandStatus Status, string? Message = null)
{
    public static CommandOutcome Accepted { get; } = new(CommandStatus.Accepted);

    public static CommandOutcome Stale { get; } = new(CommandStatus.Stale);
}

/// <summary>
/// One open session inside one circuit: loads the log, decides commands with the pure engine, writes
/// the new events to SQLite, and only then shows the new state. Holds only the current state (not the
/// log) and no timers; countdowns run in the browser from the deadlines in the state.
/// </summary>
public sealed class SessionRunner(SessionStore store, SessionFollowUp followUp, TimeProvider clock, ILogger<SessionRunner> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _memberId = "";
    private Guid? _adopted;

    public SessionState? State { get; private set; }

    public string Device { get; private set; } = SessionDevices.Home;

    public event Action? Changed;

    /// <summary>
    /// Takes the state of a session this circuit has just created and written, so that the player page the
    /// circuit opens next does not read back what it wrote a moment ago. Used once: the next
    /// <see cref="LoadAsync"/> of that session and member takes it; any other load reads the log.
    /// </summary>
    public void Adopt(SessionState started, string memberId, string device)
    {
        State = started;
        _memberId = memberId;
        Device = device;
        _adopted = started.SessionId;
    }

    /// <summary>Loads a session the member owns. Someone else's session, or none, reads as not found.</summary>
    public async Task<bool> LoadAsync(Guid sessionId, string memberId, CancellationToken cancellationToken = default)
    {
        var adopted = _adopted;
        _adopted = null;
        if (adopted == sessionId && State?.SessionId == sessionId && string.Equals(_memberId, memberId, StringComparison.Ordinal))
        {
            return true;
        }

        var stored = await store.LoadAsync(sessionId, cancellationToken);
        if (stored is null || !string.Equals(stored.MemberId, memberId, StringComparison.Ordinal))
        {
            State = null;
            return false;
        }

        _memberId = memberId;
        Device = stored.Device;
        State = SessionEngine.Replay(stored.Events);
        return true;
    }

    /// <summary>Reloads from the log (after a reconnect, or when another screen may have moved on).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        if (State is null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await LoadAsync(State.SessionId, _memberId, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// Decides and records one command. <paramref name="seenVersion"/> is the state version the screen
    /// showed when the member tapped: if the session has moved on since, the tap is a duplicate and is ignored.
    /// </summary>
    public async Task<CommandOutcome> SendAsync(SessionCommand command, int seenVersion, CancellationToken cancellationToken = default)
    {
        CommandOutcome outcome;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            outcome = await DecideAndRecordAsync(command, seenVersion, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        if (outcome.Status is CommandStatus.Accepted or CommandStatus.Conflict)
        {
            Changed?.Invoke();
        }

        return outcome;
    }

    private async Task<CommandOutcome> DecideAndRecordAsync(SessionCommand command, int seenVersion, CancellationToken cancellationToken)
    {
        var current = State;
        if (current is null)
        {
            return new(CommandStatus.Rejected, "No session is open.");
        }

        if (seenVersion != current.Version)
        {
            return CommandOutcome.Stale;
        }

        var result = SessionEngine.Apply(current, command, clock.GetUtcNow());
        if (result.Rejection is { } rejection)
        {
            logger.LogInformation("Session {SessionId}: {Command} rejected ({Code})", current.SessionId, command.GetType().Name, rejection.Code);
            return new(CommandStatus.Rejected, rejection.Message);
        }

        var header = SessionHeaders.For(result.State);
        var appended = await store.AppendAsync(current.SessionId, current.Version, result.Events, header, cancellationToken);
        switch (appended)
        {
            case AppendResult.Appended:
                State = result.State;
                logger.LogInformation("Session {SessionId}: {Command} recorded as {EventCount} events (version {Version})",
                    current.SessionId, command.GetType().Name, result.Events.Count, result.State.Version);
                await followUp.AfterRecordedAsync(current, result.State, result.Events, Device, cancellationToken);

                return CommandOutcome.Accepted;
            case AppendResult.Conflict:
                logger.LogInformation("Session {SessionId}: {Command} lost a race; reloading", current.SessionId, command.GetType().Name);
                await LoadAsync(current.SessionId, _memberId, cancellationToken);
                return new(CommandStatus.Conflict, "This session moved on from another screen. Here is where it stands now.");
            default:
                State = null;
                return new(CommandStatus.Rejected, "This session no longer exists.");
        }
    }

    public void Dispose() => _gate.Dispose();
}
