namespace Registry.Core.Attachments.Reading;

/// <summary>An attachment that cannot be read; the message is the reason shown beside it.</summary>
public sealed class UnreadableAttachmentException(string reason) : Exception(reason);
