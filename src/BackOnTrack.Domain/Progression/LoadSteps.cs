using BackOnTrack.Domain.Library;

namespace BackOnTrack.Domain.Progression;

/// <summary>How loads move: only to owned sizes, never by more than the cap (S4).</summary>
public static class LoadSteps
{
    /// <summary>
    /// The highest load allowed after <paramref name="currentKg"/>: the larger of the percentage cap
    /// and the next owned size that is a real step (at least the minimum step above the current load),
    /// because a kettlebell cannot go up by 10 %.
    /// </summary>
    public static decimal Cap(decimal currentKg, IReadOnlyList<decimal> ownedSizes, decimal maxStepPercent, decimal minStepPercent)
    {
        var byPercent = currentKg * (1 + (maxStepPercent / 100m));
        return NextUp(currentKg, ownedSizes, minStepPercent) is { } next ? Math.Max(byPercent, next) : byPercent;
    }

    /// <summary>
    /// The next load up: the smallest owned size at least <paramref name="minStepPercent"/> above
    /// the current one, or null when the member owns nothing heavier.
    /// </summary>
    public static decimal? NextUp(decimal currentKg, IReadOnlyList<decimal> ownedSizes, decimal minStepPercent)
    {
        var floor = currentKg * (1 + (minStepPercent / 100m));
        var candidates = ownedSizes.Where(s => s >= floor).ToList();
        return candidates.Count > 0 ? candidates.Min() : null;
    }

    /// <summary>
    /// The first load for a weighted variation (S3): the lightest owned size, provided it is no
    /// heavier than the variation's starting load; null when the member owns nothing light enough.
    /// </summary>
    public static decimal? FirstLoad(Variation variation, EquipmentOwned equipment)
    {
        if (variation.Dosage.StartLoadKg is not { } start)
        {
            return null;
        }

        var sizes = equipment.SizesFor(variation.LoadEquipment);
        return sizes.Count > 0 && sizes[0] <= start ? sizes[0] : null;
    }

    /// <summary>
    /// The load for the easier neighbour of a variation: null (bodyweight) when the easier one is
    /// not weighted, otherwise the next owned size below the current load (never more than now).
    /// </summary>
    public static decimal? LoadForEasier(decimal? currentKg, Variation easier, EquipmentOwned equipment)
    {
        if (!easier.IsWeighted)
        {
            return null;
        }

        var sizes = equipment.SizesFor(easier.LoadEquipment);
        if (currentKg is { } current)
        {
            var lighter = sizes.Where(s => s < current).ToList();
            return lighter.Count > 0 ? lighter.Max() : current;
        }

        return FirstLoad(easier, equipment) ?? easier.Dosage.StartLoadKg;
    }
}
