using BackOnTrack.Data.Accounts;
using BackOnTrack.Data.Trainers;

namespace BackOnTrack.Data.Tests.Trainers;

/// <summary>Links by invite code or by an admin, ending links, notes, handled flags and the read audit, on real SQLite.</summary>
public sealed class TrainerStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly DateTime Now = TrainerTestKit.T0.UtcDateTime;

    [Fact]
    public async Task An_invite_code_is_eight_unambiguous_characters_valid_for_seven_days()
    {
        await using var db = await TrainerTestKit.MigratedAsync(Cancel);
        var store = db.TrainerStore();
        var trainer = await db.AddAccountAsync("Tara", Roles.Trainer);

        var codes = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var invite = await store.CreateInviteAsync(trainer, Now, Cancel);
            invite.ExpiresUtc.ShouldBe(Now.AddDays(7));
            codes.Add(invite.Code);
        }

        codes.ShouldAllBe(c => c.Length == 8 && c.All(TrainerStore.CodeAlphabet.Contains));
        codes.Distinct().Count().ShouldBe(20);
        TrainerStore.CodeAlphabet.ShouldNotContain('0');
        TrainerStore.CodeAlphabet.ShouldNotContain('O');
        TrainerStore.CodeAlphabet.ShouldNotContain('1');
        TrainerStore.CodeAlphabet.ShouldNotContain('I');
        TrainerStore.CodeAlphabet.ShouldNotContain('L');
        (await store.InvitesAsync(trainer, 50, Cancel)).Count.ShouldBe(20);
    }

    [Fact]
    public async Task A_code_links_one_member_once_and_is_typed_forgivingly()
    {
        await using var db = await TrainerTestKit.MigratedAsync(Cancel);
        var store = db.TrainerStore();
        var trainer = await db.AddAccountAsync("Tara", Roles.Trainer);
        var ana = await db.AddAccountAsync("Ana", Roles.Member);
        var ben = await db.AddAccountAsync("Ben", Roles.Member);
        var code = (await store.CreateInviteAsync(trainer, Now, Cancel)).Code;

        (await store.RedeemInviteAsync(ana, " " + code[..4].ToLowerInvariant() + "-" + code[4..] + " ", Now.AddDays(1), Cancel)).ShouldBe(RedeemResult.Linked);
        (await store.RedeemInviteAsync(ben, code, Now.AddDays(1), Cancel)).ShouldBe(RedeemResult.InvalidCode);

        (await store.IsLinkedAsync(trainer, ana, Cancel)).ShouldBeTrue();
        (await store.IsLinkedAsync(trainer, ben, Cancel)).ShouldBeFalse();
        var link = (await store.CurrentLinkAsync(ana, Cancel)).ShouldNotBeNull();
        (link.TrainerId, link.TrainerName, link.MemberName).ShouldBe((trainer, "Tara", "Ana"));
        (await store.ClientsAsync(trainer, Cancel)).Select(c => c.Name).ShouldBe(["Ana"]);
        (await store.InvitesAsync(trainer, 5, Cancel)).ShouldHaveSingleItem().UsedByName.ShouldBe("Ana");
    }

    [Fact]
    public async Task An_expired_or_unknown_code_links_nobody()
    {
        await using var db = await TrainerTestKit.MigratedAsync(Cancel);
        var store = db.TrainerStore();
        var trainer = await db.AddAccountAsync("Tara", Roles.Trainer);
        var ana = await db.AddAccountAsync("Ana", Roles.Member);
        var code = (await store.CreateInviteAsync(trainer, Now, Cancel)).Code;

        (await store.RedeemInviteAsync(ana, code, Now.AddDays(7), Cancel)).ShouldBe(RedeemResult.InvalidCode);
        (await store.RedeemInviteAsync(ana, "ACDEFGHJ", Now, Cancel)).ShouldBe(RedeemResult.InvalidCode);
        (await store.CurrentLinkAsync(ana, Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task A_member_has_one_trainer_at_a_time_and_either_side_can_end_the_link()
    {
        await using var db = await TrainerTestKit.MigratedAsync(Cancel);
        var store = db.TrainerStore();
        var tara = await db.AddAccountAsync("Tara", Roles.Trainer);
        var tom = await db.AddAccountAsync("Tom", Roles.Trainer);
        var ana = await db.AddAccountAsync("Ana", Roles.Member);
        await store.RedeemInviteAsync(ana, (await store.CreateInviteAsync(tara, Now, Cancel)).Code, Now, Cancel);
        var tomsCode = (await store.CreateInviteAsync(tom, Now, Cancel)).Code;

        (await store.RedeemInviteAsync(ana, tomsCode, Now, Cancel)).ShouldBe(RedeemResult.AlreadyLinked);
        (await store.EndLinkAsync(ana, tom, Now, trainerId: tom, Cancel)).ShouldBeFalse("Tom is not Ana's trainer");
        (await store.EndLinkAsync(ana, tara, Now, trainerId: tara, Cancel)).ShouldBeTrue();
        (await store.IsLinkedAsync(tara, ana, Cancel)).ShouldBeFalse();
        (await store.RedeemInviteAsync(ana, tomsCode, Now, Cancel)).ShouldBe(RedeemResult.Linked);

        await store.AssignAsync(tara, ana, "admin", Now.AddDays(1), Cancel);
        (await store.IsLinkedAsync(tom, ana, Cancel)).ShouldBeFalse("assigning ends the current link");
        (await store.CurrentLinkAsync(ana, Cancel))!.TrainerId.ShouldBe(tara);
        (await store.ClientsAsync(null, Cancel)).ShouldHaveSingleItem().TrainerId.ShouldBe(tara);
    }

    [Fact]
    public async Task Notes_are_kept_per_client_and_session_and_members_see_only_shared_ones()
    {
        await using var db = await TrainerTestKit.MigratedAsync(Cancel);
        var store = db.TrainerStore();
        var tara = await db.AddAccountAsync("Tara", Roles.Trainer);
        var ana = await db.AddAccountAsync("Ana", Roles.Member);
        var ben = await db.AddAccountAsync("Ben", Roles.Member);
        var session = Guid.NewGuid();
        await db.SaveAsync(TrainerTestKit.Played(session, ana, TrainerTestKit.T0));
        var bensSession = Guid.NewGuid();
        await db.SaveAsync(TrainerTestKit.Played(bensSession, ben, TrainerTestKit.T0));

        await store.AddNoteAsync(tara, ana, null, "Private: watch the hip drop", false, Now, Cancel);
        await store.AddNoteAsync(tara, ana, session, "Lovely steady bridges", true, Now.AddMinutes(1), Cancel);
        await Should.ThrowAsync<ArgumentException>(() => store.AddNoteAsync(tara, ana, bensSession, "wrong member", true, Now, Cancel));

        (await store.NotesAsync(ana, cancellationToken: Cancel)).Select(n => n.Text).ShouldBe(["Lovely steady bridges", "Private: watch the hip drop"]);
        (await store.NotesAsync(ana, session, cancellationToken: Cancel)).ShouldHaveSingleItem().TrainerName.ShouldBe("Tara");
        (await store.NotesAsync(ana, onlyVisibleToMember: true, cancellationToken: Cancel)).ShouldHaveSingleItem().Text.ShouldBe("Lovely steady bridges");
        (await store.NotesAsync(ben, cancellationToken: Cancel)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_flag_is_marked_handled_once_with_its_note_and_every_read_is_audited()
    {
        await using var db = await TrainerTestKit.MigratedAsync(Cancel);
        var store = db.TrainerStore();
        var tara = await db.AddAccountAsync("Tara", Roles.Trainer);
        var ana = await db.AddAccountAsync("Ana", Roles.Member);

        (await store.MarkHandledAsync(ana, "stop:1", tara, "Called, reviewed form", Now, Cancel)).ShouldBeTrue();
        (await store.MarkHandledAsync(ana, "stop:1", tara, "again", Now, Cancel)).ShouldBeFalse();
        await using (var context = await db.CreateContextAsync())
        {
            context.FlagsHandled.Single().Note.ShouldBe("Called, reviewed form");
        }

        await store.AuditReadAsync(tara, ana, "ClientLog", Now, Cancel);
        await store.AuditReadAsync(tara, ana, "CsvExport", Now.AddMinutes(1), Cancel);
        (await store.ReadsAsync(ana, cancellationToken: Cancel)).ShouldBe([new ClientLogRead(tara, ana, Now.AddMinutes(1), "CsvExport"), new ClientLogRead(tara, ana, Now, "ClientLog")]);
    }
}
