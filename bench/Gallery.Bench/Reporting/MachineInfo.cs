using System.Runtime.InteropServices;

namespace Gallery.Bench.Reporting;

/// <summary>The machine a run happened on, as the README's Performance section states it.</summary>
public sealed record MachineInfo(int Processors, string Cpu, long MemoryMiB, string OperatingSystem, string Kernel, string Runtime)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        Field("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        (long.TryParse(Field("/proc/meminfo", "MemTotal")?.Split(' ')[0], out var kib) ? kib : 0) / 1024,
        Field("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        ReadFirstLine("/proc/sys/kernel/osrelease") ?? "",
        RuntimeInformation.FrameworkDescription);

    /// <summary>The 1-minute load average: above the CPU count, other work is competing with the servers.</summary>
    public static double LoadAverage() =>
        double.TryParse(ReadFirstLine("/proc/loadavg")?.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : 0;

    public override string ToString() =>
        $"{Processors} CPUs ({Cpu}), {MemoryMiB / 1024.0:0.#} GiB RAM, {OperatingSystem}, Linux {Kernel}, {Runtime}";

    private static string? Field(string file, string name, char separator = ':')
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Select(line => line.Split(separator, 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == name)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }

    private static string? ReadFirstLine(string file) => File.Exists(file) ? File.ReadLines(file).FirstOrDefault()?.Trim() : null;
}
