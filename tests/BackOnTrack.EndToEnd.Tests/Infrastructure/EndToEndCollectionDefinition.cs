namespace BackOnTrack.EndToEnd.Tests.Infrastructure;

/// <summary>
/// All browser tests run in this one collection, one at a time (the machines have 2 cores), sharing one
/// Chromium. Mark every end-to-end test class with <c>[Collection(EndToEndCollectionDefinition.Name)]</c>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "End to end";
}
