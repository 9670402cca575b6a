using BackOnTrack.Domain.Trainer;

namespace BackOnTrack.Web.Trainer;

/// <summary>A trainer's answer to a triage row: the row and the note they wrote.</summary>
public sealed record TriageAction(TriageItem Item, string Note);
