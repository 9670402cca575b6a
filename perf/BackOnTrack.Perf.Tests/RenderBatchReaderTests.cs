using BackOnTrack.Perf.Circuits;

namespace BackOnTrack.Perf.Tests;

public class RenderBatchReaderTests
{
    [Fact]
    public void Reads_frames_edits_and_long_strings_as_written()
    {
        var batch = new BatchWriter();
        var longText = new string('x', 300); // a two-byte LEB128 length prefix
        var element = batch.Element("button", 4);
        batch.Attribute("data-testid", "go");
        batch.Attribute("onclick", null, handler: 42);
        batch.Text(longText);
        batch.Diff(7, (EditType.PrependFrame, 0, element, null), (EditType.RemoveAttribute, 0, 0, "disabled"));

        var read = RenderBatch.Read(batch.ToArray());

        read.UpdatedComponents.ShouldHaveSingleItem().ComponentId.ShouldBe(7);
        read.UpdatedComponents[0].Edits.Select(e => e.Type).ShouldBe([EditType.PrependFrame, EditType.RemoveAttribute]);
        read.UpdatedComponents[0].Edits[1].RemovedAttributeName.ShouldBe("disabled");
        read.ReferenceFrames[0].ShouldBe(new Frame(FrameType.Element, 4, 0, "button", null, 0));
        read.ReferenceFrames[2].EventHandlerId.ShouldBe(42UL);
        read.ReferenceFrames[3].Value.ShouldBe(longText);
    }

    [Fact]
    public void Applies_elements_handlers_regions_and_child_components_like_the_browser_renderer()
    {
        var batch = new BatchWriter();
        var div = batch.Element("div", 8);
        batch.Attribute("class", "player");
        batch.Region(3);
        batch.Text("Hello ");
        batch.Markup("<b>you</b>");
        var child = batch.Component(9, 2);
        batch.Attribute("Title", "ignored parameter");
        batch.Text("after");
        var button = batch.Element("button", 3);
        batch.Attribute("data-testid", "done");
        batch.Attribute("onclick", null, handler: 5);
        batch.Diff(1, (EditType.PrependFrame, 0, div, null));
        batch.Diff(9, (EditType.PrependFrame, 0, button, null));
        var tree = new LogicalTree();
        tree.AttachRoot(1);

        tree.Apply(RenderBatch.Read(batch.ToArray()));

        var root = tree.Roots.ShouldHaveSingleItem();
        var player = root.Children.ShouldHaveSingleItem().ShouldBeOfType<ElementNode>();
        player["class"].ShouldBe("player");
        // The region is flattened: text, markup, the child component's container, then the text after it.
        player.Children.Select(c => c.GetType().Name).ShouldBe(["TextNode", "MarkupNode", "ComponentNode", "TextNode"]);
        var done = tree.ByTestId("done").ShouldNotBeNull();
        done.Handlers["click"].ShouldBe(5UL);
        done.Parent.ShouldBeOfType<ComponentNode>().ComponentId.ShouldBe(9);
        tree.AllText().ShouldBe("Hello <b>you</b>after");
        _ = child;
    }

    [Fact]
    public void Steps_into_elements_to_set_text_and_attributes_and_permutes_children()
    {
        var first = new BatchWriter();
        var ul = first.Element("ul", 7);
        var a = first.Element("li", 2);
        first.Text("a");
        first.Element("li", 2);
        first.Text("b");
        first.Element("li", 2);
        first.Text("c");
        first.Diff(1, (EditType.PrependFrame, 0, ul, null));
        var tree = new LogicalTree();
        tree.AttachRoot(1);
        tree.Apply(RenderBatch.Read(first.ToArray()));

        var second = new BatchWriter();
        var text = second.Text("A");
        var attribute = second.Attribute("aria-current", "true");
        second.Diff(1,
            (EditType.StepIn, 0, 0, null),
            (EditType.StepIn, 0, 0, null),
            (EditType.UpdateText, 0, text, null),
            (EditType.StepOut, 0, 0, null),
            (EditType.SetAttribute, 0, attribute, null),
            (EditType.PermutationListEntry, 0, 2, null),
            (EditType.PermutationListEntry, 2, 0, null),
            (EditType.PermutationListEnd, 0, 0, null),
            (EditType.RemoveFrame, 1, 0, null),
            (EditType.StepOut, 0, 0, null));
        tree.Apply(RenderBatch.Read(second.ToArray()));

        var list = tree.Elements().First(e => e.Name == "ul");
        list.Children.Cast<ElementNode>().Select(li => li.Text).ShouldBe(["c", "A"]);
        list.Children.Cast<ElementNode>().Last()["aria-current"].ShouldBe("true");
        _ = a;
    }
}
