using BackOnTrack.Perf.Circuits;

namespace BackOnTrack.Perf.Tests;

/// <summary>
/// Render batches captured from the real app (perf probe --capture): a member opens
/// /session/start/training, the start page launches a session and navigates to the player, the player
/// shows the readiness check; then the member taps "Good" (batch 6).
/// </summary>
public class CapturedBatchTests
{
    private static LogicalTree Replay(string folder, int upTo)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Batches", folder);
        var roots = File.ReadAllLines(Path.Combine(directory, "roots.txt"))
            .Select(line => line.Split(' '))
            .Select(parts => (ComponentId: int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                BeforeBatch: int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var tree = new LogicalTree();
        for (var n = 1; n <= upTo; n++)
        {
            foreach (var root in roots.Where(r => r.BeforeBatch == n))
            {
                tree.AttachRoot(root.ComponentId);
            }

            tree.Apply(RenderBatch.Read(File.ReadAllBytes(Path.Combine(directory, $"batch-{n:D3}.bin"))));
        }

        return tree;
    }

    [Fact]
    public void The_player_shows_the_readiness_check_with_its_handlers()
    {
        var tree = Replay("player-readiness", 5);

        var player = tree.Find(e => e["data-phase"] is not null).ShouldNotBeNull();
        player["data-phase"].ShouldBe("ReadinessCheck");
        player["data-version"].ShouldBe("1");
        tree.Elements().Where(e => e["data-feeling"] is not null).Select(e => e["data-feeling"]).ShouldBe(["Good", "Stiff", "Sore", "Painful"]);
        tree.Elements().Where(e => e["data-feeling"] is not null).ShouldAllBe(e => e.Handlers.ContainsKey("click"));
        tree.Elements().Where(e => e["name"] == "anything-new").Count().ShouldBe(2);
        tree.Elements().Where(e => e["name"] == "anything-new").ShouldAllBe(e => e.Handlers.ContainsKey("change"));
        var next = tree.ByTestId("readiness-continue").ShouldNotBeNull();
        next.Disabled.ShouldBeTrue();
        tree.ByTestId("stop").ShouldNotBeNull().Handlers.ShouldContainKey("click");
    }

    [Fact]
    public void The_start_page_is_gone_after_the_navigation()
    {
        var tree = Replay("player-readiness", 5);

        tree.AllText().ShouldNotContain("Getting your session ready");
        tree.Elements().Select(e => e.Handlers.Values).SelectMany(h => h).ShouldBeUnique();
    }

    [Fact]
    public void Tapping_good_selects_it_through_attribute_edits()
    {
        var before = Replay("player-readiness", 5).Find(e => e["data-feeling"] == "Good").ShouldNotBeNull();
        before["aria-checked"].ShouldBe("false");

        var tree = Replay("player-readiness", 6);

        var good = tree.Find(e => e["data-feeling"] == "Good").ShouldNotBeNull();
        good["aria-checked"].ShouldBe("true");
        good["class"].ShouldNotBeNull().ShouldContain("selected");
        tree.Find(e => e["data-feeling"] == "Stiff").ShouldNotBeNull()["aria-checked"].ShouldBe("false");
    }
}
