using System.Text;

namespace BackOnTrack.Perf.Circuits;

/// <summary>A node of the client's mirror of the page, indexed the way blazor.web.js indexes logical children.</summary>
internal abstract class LogicalNode
{
    public LogicalContainer? Parent { get; set; }
}

/// <summary>A node with logical children: an element, a component's container, or a root.</summary>
internal class LogicalContainer : LogicalNode
{
    public List<LogicalNode> Children { get; } = [];

    public void Insert(int index, LogicalNode node)
    {
        node.Parent = this;
        Children.Insert(index, node);
    }

    public void RemoveAt(int index)
    {
        Children[index].Parent = null;
        Children.RemoveAt(index);
    }
}

internal sealed class ElementNode(string name) : LogicalContainer
{
    public string Name { get; } = name;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Event name without the "on" prefix ("click", "change") to the handler id the server assigned.</summary>
    public Dictionary<string, ulong> Handlers { get; } = new(StringComparer.Ordinal);

    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);

    public bool Disabled => Attributes.ContainsKey("disabled");

    public string Text
    {
        get
        {
            var text = new StringBuilder();
            LogicalTree.AppendText(this, text);
            return text.ToString();
        }
    }

    public override string ToString() => $"<{Name} {string.Join(' ', Attributes.Select(a => $"{a.Key}=\"{a.Value}\""))} {string.Join(' ', Handlers.Keys.Select(h => "@on" + h))}>";
}

internal sealed class TextNode(string text) : LogicalNode
{
    public string Text { get; set; } = text;
}

/// <summary>A markup frame: one logical child holding raw HTML (never carries event handlers).</summary>
internal sealed class MarkupNode(string markup) : LogicalNode
{
    public string Markup { get; } = markup;
}

internal sealed class ComponentNode(int componentId) : LogicalContainer
{
    public int ComponentId { get; } = componentId;
}

/// <summary>
/// The circuit's current page as the browser would hold it, built by applying render batches with the
/// rules of Web.JS/src/Rendering/BrowserRenderer.ts: components and markup are one logical child each,
/// regions are flattened, element reference captures and named events take no place.
/// </summary>
internal sealed class LogicalTree
{
    private readonly Dictionary<int, ComponentNode> _components = [];

    public List<ComponentNode> Roots { get; } = [];

    public int BatchesApplied { get; private set; }

    /// <summary>JS.AttachComponent: a root component gets its own container.</summary>
    public void AttachRoot(int componentId)
    {
        var node = new ComponentNode(componentId);
        _components[componentId] = node;
        Roots.Add(node);
    }

    public void Apply(RenderBatch batch)
    {
        foreach (var diff in batch.UpdatedComponents)
        {
            if (!_components.TryGetValue(diff.ComponentId, out var component))
            {
                throw new InvalidOperationException($"No element is currently associated with component {diff.ComponentId}.");
            }

            ApplyEdits(batch, component, diff.Edits);
        }

        foreach (var id in batch.DisposedComponentIds)
        {
            if (_components.Remove(id, out var node))
            {
                Roots.Remove(node);
            }
        }

        BatchesApplied++;
    }

    private void ApplyEdits(RenderBatch batch, ComponentNode component, IReadOnlyList<Edit> edits)
    {
        LogicalContainer parent = component;
        var frames = batch.ReferenceFrames;
        List<(int From, int To)>? permutation = null;
        foreach (var edit in edits)
        {
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(frames, parent, edit.SiblingIndex, edit.NewTreeIndex);
                    break;
                case EditType.RemoveFrame:
                    parent.RemoveAt(edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    ApplyAttribute(ElementAt(parent, edit.SiblingIndex), frames[edit.NewTreeIndex]);
                    break;
                case EditType.RemoveAttribute:
                    var element = ElementAt(parent, edit.SiblingIndex);
                    element.Attributes.Remove(edit.RemovedAttributeName!);
                    break;
                case EditType.UpdateText:
                    if (parent.Children[edit.SiblingIndex] is not TextNode text)
                    {
                        throw new InvalidOperationException("Cannot set text content on non-text child.");
                    }

                    text.Text = frames[edit.NewTreeIndex].Value ?? "";
                    break;
                case EditType.UpdateMarkup:
                    parent.RemoveAt(edit.SiblingIndex);
                    parent.Insert(edit.SiblingIndex, new MarkupNode(frames[edit.NewTreeIndex].Value ?? ""));
                    break;
                case EditType.StepIn:
                    parent = (LogicalContainer)parent.Children[edit.SiblingIndex];
                    break;
                case EditType.StepOut:
                    parent = parent.Parent ?? throw new InvalidOperationException("Stepped out of the component.");
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((edit.SiblingIndex, edit.MoveToSiblingIndex));
                    break;
                case EditType.PermutationListEnd:
                    var before = parent.Children.ToArray();
                    foreach (var (from, to) in permutation ?? [])
                    {
                        parent.Children[to] = before[from];
                    }

                    permutation = null;
                    break;
                default:
                    throw new InvalidOperationException($"Unknown edit type {edit.Type}.");
            }
        }
    }

    private static ElementNode ElementAt(LogicalContainer parent, int index) =>
        parent.Children[index] as ElementNode ?? throw new InvalidOperationException("Cannot change attributes of a non-element child.");

    /// <summary>Inserts one frame (and its subtree); returns how many logical children it added.</summary>
    private int InsertFrame(IReadOnlyList<Frame> frames, LogicalContainer parent, int childIndex, int frameIndex)
    {
        var frame = frames[frameIndex];
        switch (frame.Type)
        {
            case FrameType.Element:
                var element = new ElementNode(frame.Name ?? "");
                var end = frameIndex + frame.SubtreeLength;
                var child = frameIndex + 1;
                for (; child < end && frames[child].Type == FrameType.Attribute; child++)
                {
                    ApplyAttribute(element, frames[child]);
                }

                parent.Insert(childIndex, element);
                InsertFrameRange(frames, element, 0, child, end);
                return 1;
            case FrameType.Text:
                parent.Insert(childIndex, new TextNode(frame.Value ?? ""));
                return 1;
            case FrameType.Component:
                var component = new ComponentNode(frame.ComponentId);
                _components[frame.ComponentId] = component;
                parent.Insert(childIndex, component);
                return 1;
            case FrameType.Region:
                return InsertFrameRange(frames, parent, childIndex, frameIndex + 1, frameIndex + frame.SubtreeLength);
            case FrameType.Markup:
                parent.Insert(childIndex, new MarkupNode(frame.Value ?? ""));
                return 1;
            case FrameType.ElementReferenceCapture or FrameType.NamedEvent:
                return 0;
            case FrameType.Attribute:
                throw new InvalidOperationException("Attribute frames should only be leading children of element frames.");
            default:
                throw new InvalidOperationException($"Unknown frame type {frame.Type}.");
        }
    }

    private int InsertFrameRange(IReadOnlyList<Frame> frames, LogicalContainer parent, int childIndex, int start, int endExclusive)
    {
        var first = childIndex;
        for (var index = start; index < endExclusive; index++)
        {
            var frame = frames[index];
            childIndex += InsertFrame(frames, parent, childIndex, index);
            if (frame.Type is FrameType.Element or FrameType.Region or FrameType.Component)
            {
                index += Math.Max(frame.SubtreeLength, 1) - 1;
            }
        }

        return childIndex - first;
    }

    private static void ApplyAttribute(ElementNode element, Frame attribute)
    {
        var name = attribute.Name ?? "";
        if (attribute.EventHandlerId != 0)
        {
            element.Handlers[name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name] = attribute.EventHandlerId;
            return;
        }

        if (name.StartsWith("__internal_", StringComparison.Ordinal))
        {
            return;
        }

        if (attribute.Value is null)
        {
            element.Attributes.Remove(name);
        }
        else
        {
            element.Attributes[name] = attribute.Value;
        }
    }

    /// <summary>Every element in document order.</summary>
    public IEnumerable<ElementNode> Elements()
    {
        var stack = new Stack<LogicalNode>();
        foreach (var root in Enumerable.Reverse(Roots))
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is ElementNode element)
            {
                yield return element;
            }

            if (node is LogicalContainer container)
            {
                for (var i = container.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push(container.Children[i]);
                }
            }
        }
    }

    public ElementNode? Find(Func<ElementNode, bool> predicate) => Elements().FirstOrDefault(predicate);

    public ElementNode? ByTestId(string testId) => Find(e => e["data-testid"] == testId);

    /// <summary>All text and markup on the page (markup as raw HTML), for "does the page say X" checks.</summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var root in Roots)
        {
            AppendText(root, text);
        }

        return text.ToString();
    }

    internal static void AppendText(LogicalNode node, StringBuilder text)
    {
        switch (node)
        {
            case TextNode t:
                text.Append(t.Text);
                break;
            case MarkupNode m:
                text.Append(m.Markup);
                break;
            case LogicalContainer c:
                foreach (var child in c.Children)
                {
                    AppendText(child, text);
                }

                break;
        }
    }
}
