namespace Registry.Core.Access.Policies;

/// <summary>A repository policy document that cannot be accepted; the message names the element and the problem.</summary>
public sealed class PolicyException(string message) : Exception(message);
