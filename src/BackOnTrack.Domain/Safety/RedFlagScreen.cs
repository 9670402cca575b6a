namespace BackOnTrack.Domain.Safety;

/// <summary>One red-flag question. The id is stable: answers are stored against it.</summary>
public sealed record RedFlagQuestion(string Id, string Text);

/// <summary>A yes/no answer to one red-flag question.</summary>
public sealed record RedFlagAnswer(string QuestionId, bool Yes);

public enum RedFlagStatus
{
    /// <summary>Every question answered "no".</summary>
    Clear,

    /// <summary>At least one "yes": training is blocked until a trainer clears it (S8).</summary>
    Positive,

    /// <summary>Not every question was answered (or an answer was not understood): not a result.</summary>
    Incomplete,
}

/// <summary>The result of a red-flag screen.</summary>
public sealed record RedFlagResult(
    RedFlagStatus Status,
    IReadOnlyList<string> PositiveQuestionIds,
    IReadOnlyList<string> Problems,
    string Message)
{
    public IReadOnlyList<string> PositiveQuestionIds { get; init => field = ValueList.From(value); } = ValueList.From(PositiveQuestionIds);

    public IReadOnlyList<string> Problems { get; init => field = ValueList.From(value); } = ValueList.From(Problems);

    public bool IsClear => Status == RedFlagStatus.Clear;
}

/// <summary>
/// The standard red-flag questions (S8), asked before the first session and whenever the member
/// reports something new. A "yes" is a reason to get checked by a health professional first.
/// </summary>
public static class RedFlagScreen
{
    public const string SaddleNumbness = "saddle-numbness";
    public const string BladderOrBowelChange = "bladder-bowel-change";
    public const string LegWeakness = "progressive-leg-weakness";
    public const string Fever = "fever";
    public const string WeightLoss = "unexplained-weight-loss";
    public const string RecentTrauma = "recent-trauma";
    public const string SevereNightPain = "severe-night-pain";

    public const string UrgentAdvice =
        "Please do not train today. One or more of your answers can be a sign of a problem that needs a " +
        "health professional. Contact your doctor or urgent care now, and let your trainer know. " +
        "A trainer has to clear you before the next session.";

    public static IReadOnlyList<RedFlagQuestion> Questions { get; } =
    [
        new(SaddleNumbness, "Do you have numbness or tingling around your groin, buttocks or inner thighs (the area that touches a saddle)?"),
        new(BladderOrBowelChange, "Have you noticed any new trouble controlling or emptying your bladder or bowels?"),
        new(LegWeakness, "Is one or both of your legs getting weaker, or are you tripping or dragging a foot?"),
        new(Fever, "Do you have a fever, or feel hot, shivery and unwell, along with your back pain?"),
        new(WeightLoss, "Have you lost weight recently without trying?"),
        new(RecentTrauma, "Have you recently had a fall, an accident or a blow to your back?"),
        new(SevereNightPain, "Does back pain wake you at night, or stay severe however you lie?"),
    ];

    /// <summary>
    /// Evaluates answers. Unanswered, unknown or repeated questions make the result
    /// <see cref="RedFlagStatus.Incomplete"/>, never <see cref="RedFlagStatus.Clear"/>.
    /// </summary>
    public static RedFlagResult Evaluate(IEnumerable<RedFlagAnswer> answers)
    {
        var list = answers.ToList();
        var problems = new List<string>();
        var known = Questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);

        foreach (var unknown in list.Where(a => !known.Contains(a.QuestionId)).Select(a => a.QuestionId).Distinct())
        {
            problems.Add($"'{unknown}' is not one of the screening questions.");
        }

        foreach (var repeated in list.GroupBy(a => a.QuestionId, StringComparer.Ordinal).Where(g => g.Count() > 1 && known.Contains(g.Key)))
        {
            problems.Add($"The question '{repeated.Key}' was answered more than once.");
        }

        foreach (var question in Questions.Where(q => list.All(a => a.QuestionId != q.Id)))
        {
            problems.Add($"Please answer: {question.Text}");
        }

        if (problems.Count > 0)
        {
            return new RedFlagResult(RedFlagStatus.Incomplete, [], problems,
                "Please answer every question before we go on.");
        }

        var positive = Questions.Where(q => list.Any(a => a.QuestionId == q.Id && a.Yes)).Select(q => q.Id).ToList();
        return positive.Count > 0
            ? new RedFlagResult(RedFlagStatus.Positive, positive, [], UrgentAdvice)
            : new RedFlagResult(RedFlagStatus.Clear, [], [], "Thank you. Nothing in your answers stops you training.");
    }

    /// <summary>All questions answered "no" (handy for tests and demos).</summary>
    public static IReadOnlyList<RedFlagAnswer> AllNo() => Questions.Select(q => new RedFlagAnswer(q.Id, false)).ToList();
}
