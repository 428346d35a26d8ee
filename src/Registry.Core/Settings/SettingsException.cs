namespace Registry.Core.Settings;

/// <summary>A setting the server cannot start with; the message names it and says what it must be.</summary>
public sealed class SettingsException(string message) : Exception(message);
