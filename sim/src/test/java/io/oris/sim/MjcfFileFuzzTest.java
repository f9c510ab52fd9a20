package io.oris.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.sim.env.Task;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MJCF model file (the project's hopper) corrupted seven ways: {@link MujocoModel#load} fails with a
 * {@link MujocoException} naming the file and, from MuJoCo, the element or attribute and the line; the JVM lives on
 * and nothing is written beside the file. (No command line reads a user's MJCF file today, so there is no exit code
 * to check: {@code MujocoModel.load} is the way in.)
 */
class MjcfFileFuzzTest {
    @TempDir
    Path dir;

    private static String hopper() throws Exception {
        try (InputStream in = MjcfFileFuzzTest.class.getResourceAsStream(Task.HOPPER.modelResource())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void assertRejected(String corruption, Path file, String... mustName) throws Exception {
        MujocoException e = assertThrows(MujocoException.class, () -> MujocoModel.load(file).close(), corruption);
        System.out.println("[fuzz] " + corruption + " -> " + e.getMessage().replace("\n", " | "));
        assertTrue(e.getMessage().contains("MuJoCo could not load " + file + ": "), corruption + ": " + e.getMessage());
        for (String s : mustName) {
            assertTrue(e.getMessage().contains(s), corruption + ": the message must name '" + s + "': " + e.getMessage());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), corruption + ": nothing else in the folder");
        }
        Files.delete(file);
    }

    private void assertRejected(String corruption, String from, String to, String... mustName) throws Exception {
        String text = hopper();
        assertTrue(text.contains(from), from);
        Path file = Files.writeString(dir.resolve(corruption.replace(' ', '-') + ".xml"), text.replace(from, to));
        assertRejected(corruption, file, mustName);
    }

    @Test
    void theIntactModelLoads() throws Exception {
        Path file = Files.writeString(dir.resolve("hopper.xml"), hopper());
        try (MujocoModel m = MujocoModel.load(file)) {
            assertEquals(3, m.nu());
        }
    }

    @Test
    void truncated() throws Exception {
        String text = hopper();
        Path file = Files.writeString(dir.resolve("truncated.xml"), text.substring(0, text.length() / 2));
        assertRejected("truncated", file, "XML parse error", "Line number=21");
    }

    @Test
    void garbageBytes() throws Exception {
        byte[] b = new byte[2000];
        new java.util.Random(7).nextBytes(b);
        Path file = Files.write(dir.resolve("garbage.xml"), b);
        assertRejected("garbage bytes", file, "XML parse error", "Line number=1");
    }

    @Test
    void attributeOfTheWrongType() throws Exception {
        assertRejected("wrong type", "size=\"0.05\" friction=\"0.9\" mass=\"3.926991\"",
                "size=\"thick\" friction=\"0.9\" mass=\"3.926991\"", "problem reading attribute 'size'; Element 'geom', line 26");
    }

    @Test
    void attributeOfTheWrongShape() throws Exception {
        assertRejected("wrong shape", "fromto=\"0 0 0.6 0 0 0.1\"", "fromto=\"0 0 0.6 0\"", "attribute 'fromto' does not have enough data; Element 'geom', line 29");
    }

    @Test
    void unknownElement() throws Exception {
        assertRejected("unknown element", "<light directional", "<lamp directional", "unrecognized element; Element 'lamp', line 16");
    }

    @Test
    void unknownAttribute() throws Exception {
        assertRejected("unknown attribute", "gear=\"200\"/>\n    <motor name=\"leg\"",
                "gearing=\"200\"/>\n    <motor name=\"leg\"", "unrecognized attribute: 'gearing'; Element 'motor', line 39");
    }

    @Test
    void referenceToAMissingJoint() throws Exception {
        assertRejected("missing reference", "joint=\"foot_joint\" gear", "joint=\"ankle_joint\" gear",
                "unknown transmission target 'ankle_joint'", "line = 41");
    }

    @Test
    void missingFile() throws Exception {
        Path file = dir.resolve("absent.xml");
        MujocoException e = assertThrows(MujocoException.class, () -> MujocoModel.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(List.of(), Arrays.asList(dir.toFile().list()), "nothing written");
    }
}
