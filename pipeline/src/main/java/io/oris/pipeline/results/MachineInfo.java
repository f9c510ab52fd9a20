package io.oris.pipeline.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a results folder was made on, in one line: CPU model ({@code model name} of {@code /proc/cpuinfo}),
 * the cores the JVM sees, total memory ({@code MemTotal} of {@code /proc/meminfo}), operating system and Java. A
 * value that cannot be read is {@code unknown} (e.g. no {@code /proc} outside Linux); reading never fails.
 *
 * @param cpuModel    CPU model name, or {@code unknown}
 * @param cores       {@link Runtime#availableProcessors()}
 * @param memoryBytes total memory in bytes, or -1 when unknown
 * @param os          operating system name, version and architecture
 * @param java        Java version and VM
 */
public record MachineInfo(String cpuModel, int cores, long memoryBytes, String os, String java) {
    /** This machine, from {@code /proc} and the JVM's system properties. */
    public static MachineInfo current() {
        return read(Path.of("/proc/cpuinfo"), Path.of("/proc/meminfo"));
    }

    /** This machine's cores, OS and Java, with the CPU and memory read from the given files. */
    static MachineInfo read(Path cpuinfo, Path meminfo) {
        String os = System.getProperty("os.name", "unknown OS") + " " + System.getProperty("os.version", "")
                + " (" + System.getProperty("os.arch", "unknown arch") + ")";
        String java = "Java " + System.getProperty("java.version", "unknown") + " ("
                + System.getProperty("java.vm.name", "unknown VM") + ")";
        return new MachineInfo(cpuModel(cpuinfo), Runtime.getRuntime().availableProcessors(), memTotal(meminfo),
                os, java);
    }

    /** {@code Intel(R) Xeon(R) …, 2 cores, 7.8 GiB memory, Linux 6.1.0 (amd64), Java 17.0.13 (OpenJDK …)}. */
    public String describe() {
        String memory = memoryBytes < 0 ? "unknown memory"
                : String.format(Locale.ROOT, "%.1f GiB memory", memoryBytes / (1024.0 * 1024 * 1024));
        return cpuModel + ", " + cores + (cores == 1 ? " core, " : " cores, ") + memory + ", " + os + ", " + java;
    }

    static String cpuModel(Path cpuinfo) {
        for (String line : lines(cpuinfo)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
                String name = line.substring(colon + 1).strip().replaceAll("\\s+", " ");
                if (!name.isEmpty()) {
                    return name;
                }
            }
        }
        return "unknown CPU";
    }

    /** {@code MemTotal: 16318412 kB} in bytes, or -1. */
    static long memTotal(Path meminfo) {
        for (String line : lines(meminfo)) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).strip().split("\\s+");
                try {
                    long value = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
