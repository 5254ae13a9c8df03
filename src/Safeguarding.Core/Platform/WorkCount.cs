namespace Safeguarding.Core.Platform;

/// <summary>
/// How much of one kind of work waits for the reader ("Your work" on the home page): a true count, scoped by the policy
/// as the list it leads to is, and how many of them are past their deadline.
/// </summary>
public sealed record WorkCount(int Waiting, int Overdue = 0);
