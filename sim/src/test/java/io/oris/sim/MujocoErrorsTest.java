package io.oris.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.sim.env.Environments;
import io.oris.sim.env.MujocoEnv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** MuJoCo errors surface as Java exceptions with MuJoCo's message, and the JVM lives on. */
class MujocoErrorsTest {

    @Test
    void malformedMjcfThrowsWithMujocoMessage() {
        MujocoException e = assertThrows(MujocoException.class, () -> MujocoModel.fromXml(
                "<mujoco><worldbody><geom type=\"nonsense\" size=\"1\"/></worldbody></mujoco>", "bad"));
        assertTrue(e.getMessage().contains("nonsense") || e.getMessage().toLowerCase().contains("invalid"),
                e.getMessage());
        assertTrue(e.getMessage().contains("MuJoCo could not load"), e.getMessage());
    }

    @Test
    void unclosedXmlThrows() {
        MujocoException e = assertThrows(MujocoException.class,
                () -> MujocoModel.fromXml("<mujoco><worldbody>", "truncated"));
        assertTrue(e.getMessage().toLowerCase().contains("xml"), e.getMessage());
    }

    @Test
    void missingFileThrowsNamingThePath() {
        Path missing = Path.of("/nonexistent/oris/model.xml");
        MujocoException e = assertThrows(MujocoException.class, () -> MujocoModel.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void internalMujocoErrorBecomesExceptionNotExit() {
        // A stack of a few words makes mj_step call mju_error (stack overflow); MuJoCo's default handler
        // would wait on stdin and exit the JVM.
        String xml = "<mujoco><worldbody><body><joint type=\"free\"/>"
                + "<geom type=\"sphere\" size=\".1\"/></body><geom type=\"plane\" size=\"1 1 1\"/></worldbody></mujoco>";
        try (MujocoModel model = MujocoModel.fromXml(xml, "tiny-stack")) {
            model.raw().nstack(4);
            MujocoException e = assertThrows(MujocoException.class, () -> {
                try (MujocoData data = new MujocoData(model)) {
                    data.step(10);
                }
            });
            assertTrue(e.getMessage().toLowerCase().contains("stack") || e.getMessage().toLowerCase().contains("memory"),
                    e.getMessage());
        }
        // and the engine still works afterwards
        try (MujocoEnv env = Environments.create("hopper", "real", 1)) {
            assertEquals(11, env.reset().length);
        }
    }
}
