using System.Collections.Frozen;
using System.Text.Json;
using BackOnTrack.Domain.Sessions;

namespace BackOnTrack.Data.Sessions;

/// <summary>
/// Writes a session event as (type name, JSON payload) and reads it back. Every concrete
/// <see cref="SessionEvent"/> is found by reflection, so a new event type needs no registration here;
/// renaming one is a breaking change for stored logs.
/// </summary>
public static class SessionEventSerializer
{
    private static readonly FrozenDictionary<string, Type> Types = typeof(SessionEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsAssignableTo(typeof(SessionEvent)))
        .ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> KnownTypeNames => Types.Keys;

    internal static IEnumerable<Type> EventTypes => Types.Values;

    public static (string Type, string Payload) Write(SessionEvent @event)
    {
        var type = @event.GetType();
        return (type.Name, JsonSerializer.Serialize(@event, type, StoredJson.Options));
    }

    public static SessionEvent Read(string type, string payload)
    {
        if (!Types.TryGetValue(type, out var clrType))
        {
            throw new InvalidDataException($"The session log holds an event of unknown type '{type}'.");
        }

        return (SessionEvent)(JsonSerializer.Deserialize(payload, clrType, StoredJson.Options)
            ?? throw new InvalidDataException($"The stored '{type}' event was empty."));
    }
}
