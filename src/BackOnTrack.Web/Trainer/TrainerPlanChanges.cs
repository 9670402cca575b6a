using System.Globalization;
using BackOnTrack.Data.Members;
using BackOnTrack.Data.Trainers;
using BackOnTrack.Domain.Library;
using BackOnTrack.Domain.Progression;
using FluentValidation;

namespace BackOnTrack.Web.Trainer;

public sealed record TrainerChangeResult(bool Changed, string Message, IReadOnlyDictionary<string, string>? Errors = null);

/// <summary>
/// A trainer's changes to a client's plan: the variation and load of an exercise (only rungs of its
/// ladder, only loads the member owns), training days a week, holding progression, and waiving the
/// warm-up of the next session. Each change is checked again here, saved to the plan the next session is
/// built from, and recorded with who, when, before, after and why; the member sees it on their home page.
/// </summary>
public sealed class TrainerPlanChanges(
    MemberStore members,
    TrainerStore trainers,
    ExerciseLibrary library,
    IValidator<PlanChangeForm> validator,
    TimeProvider clock,
    ILogger<TrainerPlanChanges> logger)
{
    public async Task<TrainerChangeResult> ApplyAsync(string trainerId, string memberId, PlanChangeForm form, CancellationToken cancellationToken = default)
    {
        var profile = await members.FindAsync(memberId, cancellationToken);
        if (profile is null)
        {
            return new(false, "This client has not set up a plan yet.");
        }

        form.Plan = profile.Plan;
        form.Library = library;
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return new(false, validation.Errors[0].ErrorMessage,
                validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage, StringComparer.Ordinal));
        }

        var now = clock.GetUtcNow();
        var plan = profile.Plan;
        var pending = profile.PendingStepUps;
        string? exerciseId = null;
        string before;
        string after;
        switch (form.Kind)
        {
            case PlanChangeKind.Level:
            {
                var current = plan.Find(form.ExerciseId)!;
                var variation = form.Variation!;
                var load = variation.IsWeighted ? form.LoadKg : null;
                var sameVariation = current.VariationId == variation.Id;
                var next = sameVariation
                    ? current with { LoadKg = load, StartedOn = current.LoadKg == load ? current.StartedOn : DateOnly.FromDateTime(now.UtcDateTime), LastChangedAt = now }
                    : new ExercisePrescription(current.ExerciseId, variation.Id, variation.Dosage.Sets, variation.DefaultAmount, load,
                        DateOnly.FromDateTime(now.UtcDateTime), now, current.ProgressionHeld);
                exerciseId = current.ExerciseId;
                before = Describe(current);
                after = Describe(next);
                if (before == after)
                {
                    return new(false, "That is what the plan says already.");
                }

                plan = plan.WithPrescription(next);
                // A suggestion made for the old prescription no longer applies.
                pending = pending.Where(a => a.ExerciseId != current.ExerciseId).ToList();
                break;
            }

            case PlanChangeKind.TrainingDays:
                before = Days(plan.TrainingDaysPerWeek);
                after = Days(form.TrainingDaysPerWeek);
                if (before == after)
                {
                    return new(false, "That is what the plan says already.");
                }

                plan = plan with { TrainingDaysPerWeek = form.TrainingDaysPerWeek };
                break;

            case PlanChangeKind.HoldProgression:
            {
                var current = plan.Find(form.ExerciseId)!;
                if (current.ProgressionHeld == form.Hold)
                {
                    return new(false, form.Hold ? "Progression is already on hold for this exercise." : "Progression is not on hold for this exercise.");
                }

                exerciseId = current.ExerciseId;
                before = current.ProgressionHeld ? "steps up on hold" : "steps up allowed";
                after = form.Hold ? "steps up on hold" : "steps up allowed";
                plan = PlanAdjustment.SetHeld(plan, current.ExerciseId, form.Hold, now);
                if (form.Hold)
                {
                    pending = pending.Where(a => a.ExerciseId != current.ExerciseId).ToList();
                }

                break;
            }

            case PlanChangeKind.WarmUpWaiver:
            {
                var existing = await trainers.WarmUpWaiverAsync(memberId, cancellationToken);
                var trainerName = (await trainers.AccountAsync(trainerId, cancellationToken))?.Name ?? "";
                await trainers.GrantWarmUpWaiverAsync(memberId, new WarmUpWaiverGrant(trainerId, trainerName, form.Reason.Trim(), now.UtcDateTime), cancellationToken);
                await trainers.RecordPlanChangeAsync(memberId, trainerId, nameof(PlanChangeKind.WarmUpWaiver), null,
                    existing is null ? "warm-up as usual" : "warm-up already waived", "warm-up waived for the next session", form.Reason, now.UtcDateTime, cancellationToken);
                logger.LogInformation("Trainer {TrainerId} waived the next warm-up of member {MemberId}", trainerId, memberId);
                return new(true, "Done: the member can skip the warm-up in their next session, and sees your reason.");
            }

            default:
                return new(false, "Unknown change.");
        }

        await members.SavePlanAsync(memberId, plan, pending, now.UtcDateTime, cancellationToken);
        await trainers.RecordPlanChangeAsync(memberId, trainerId, form.Kind.ToString(), exerciseId, before, after, form.Reason, now.UtcDateTime, cancellationToken);
        logger.LogInformation("Trainer {TrainerId} changed {Kind} in the plan of member {MemberId}", trainerId, form.Kind, memberId);
        return new(true, "Saved: the member's next session uses it, and they see your reason first.");
    }

    /// <summary>A prescription in words: variation, dose and load.</summary>
    public string Describe(ExercisePrescription prescription)
    {
        var variation = library.FindExercise(prescription.ExerciseId)?.FindVariation(prescription.VariationId);
        var dose = variation?.Kind == VariationKind.Hold ? $"{prescription.Amount} s" : $"{prescription.Amount} reps";
        var load = prescription.LoadKg is { } kg ? $", {kg.ToString("0.##", CultureInfo.InvariantCulture)} kg" : ", bodyweight";
        return $"{variation?.Name ?? prescription.VariationId} ({prescription.Sets} × {dose}{load})";
    }

    private static string Days(int days) => $"{days.ToString(CultureInfo.InvariantCulture)} training {(days == 1 ? "day" : "days")} a week";
}
