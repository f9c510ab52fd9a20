package io.oris.sim.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.sim.MujocoData;
import io.oris.sim.MujocoModel;
import io.oris.sim.mujoco.mjModel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The inaccurate simulators: parsing, and their physical effect in the real engine. */
class DynamicsGapTest {

    @Test
    void parsesSingleAndCombinedGaps() {
        assertEquals(new DynamicsGap(2.0, 1.0, 1.0, 0.0), DynamicsGap.parse("gravity=2.0"));
        assertEquals(new DynamicsGap(1.0, 0.3, 1.0, 0.0), DynamicsGap.parse("friction=0.3"));
        assertEquals(new DynamicsGap(1.0, 1.0, 1.0, 1.0), DynamicsGap.parse("action_noise=1.0"));
        assertEquals(new DynamicsGap(2.0, 0.5, 1.0, 0.0), DynamicsGap.parse("gravity=2.0,friction=0.5"));
        assertEquals(new DynamicsGap(1.0, 1.0, 1.5, 0.0), DynamicsGap.parse(" Density=1.5 "));
        assertEquals(DynamicsGap.REAL, DynamicsGap.parse("real"));
        for (String s : new String[] {"real", "gravity=2.0", "gravity=2.0,friction=0.5", "action_noise=1.0"}) {
            assertEquals(s, DynamicsGap.parse(s).toString());
        }
    }

    @Test
    void rejectsMalformedGapsWithTheOffendingPart() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DynamicsGap.parse("gravity"))
                .getMessage().contains("key=value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DynamicsGap.parse("wind=2"))
                .getMessage().contains("unknown key 'wind'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DynamicsGap.parse("gravity=abc"))
                .getMessage().contains("not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DynamicsGap.parse("gravity=-1"))
                .getMessage().contains("> 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DynamicsGap.parse("gravity=2,gravity=3"))
                .getMessage().contains("twice"));
    }

    /** Height lost by a hopper dropped from 5 m with zero velocity, after n control steps (no contact). */
    private static double freeFallDrop(String gap, int steps) {
        try (MujocoEnv env = Environments.create("hopper", gap, 0)) {
            double[] obs = new double[11];
            obs[0] = 5.0;
            env.resetTo(obs);
            for (int i = 0; i < steps; i++) {
                env.step(new double[3]);
            }
            return 5.0 - env.observation()[0];
        }
    }

    @Test
    void gravityTimesTwoFallsTwiceAsFar() {
        double real = freeFallDrop("real", 50);
        double doubled = freeFallDrop("gravity=2.0", 50);
        // 50 steps of 8 ms = 0.4 s: 0.5 * 9.81 * 0.16 = 0.785 m, far from the floor
        assertEquals(0.5 * 9.81 * 0.4 * 0.4, real, 1e-3);
        assertEquals(2.0, doubled / real, 1e-6);
    }

    private static final String SLIDER = "<mujoco><option timestep=\"0.002\"/><worldbody>"
            + "<geom name=\"floor\" type=\"plane\" size=\"50 50 1\" friction=\"0.5 0.005 0.0001\"/>"
            + "<body name=\"box\" pos=\"0 0 0.1\"><joint name=\"x\" type=\"slide\" axis=\"1 0 0\"/>"
            + "<joint name=\"z\" type=\"slide\" axis=\"0 0 1\"/>"
            + "<geom type=\"box\" size=\".1 .1 .1\" mass=\"1\" friction=\"0.5 0.005 0.0001\"/></body>"
            + "</worldbody></mujoco>";

    /** Distance slid by a box pushed at 3 m/s along a floor, after 2 s. */
    private static double slideDistance(DynamicsGap gap) {
        try (MujocoModel model = MujocoModel.fromXml(SLIDER, "slider")) {
            gap.applyTo(model, false);
            try (MujocoData data = new MujocoData(model)) {
                data.qvel().put(0, 3.0);
                data.step(1000);
                return data.qpos().get(0);
            }
        }
    }

    @Test
    void lowFrictionLetsASlidingBodyGoFurther() {
        double real = slideDistance(DynamicsGap.REAL);
        double slippery = slideDistance(DynamicsGap.parse("friction=0.3"));
        // Coulomb friction μ = 0.5 stops a 3 m/s box after v²/(2μg) ≈ 0.92 m; μ = 0.15 lets it slide ≈ 3.06 m.
        assertEquals(9.0 / (2 * 0.5 * 9.81), real, 0.05);
        assertEquals(9.0 / (2 * 0.15 * 9.81), slippery, 0.1);
        assertTrue(slippery > 2.5 * real);
    }

    @Test
    void frictionScalesAllThreeCoefficientsOfEveryGeom() {
        try (MujocoEnv real = Environments.real(Task.HALFCHEETAH, 0);
             MujocoEnv low = Environments.create("halfcheetah", "friction=0.3", 0)) {
            mjModel a = real.model().raw();
            mjModel b = low.model().raw();
            for (int i = 0; i < 3 * a.ngeom(); i++) {
                assertEquals(0.3 * a.geom_friction().get(i), b.geom_friction().get(i), 1e-12);
            }
        }
    }

    @Test
    void densityScalesMassesExceptOnMassNormalisedModels() {
        try (MujocoEnv real = Environments.real(Task.HOPPER, 0);
             MujocoEnv heavy = Environments.create("hopper", "density=2.0", 0);
             MujocoEnv cheetah = Environments.real(Task.HALFCHEETAH, 0);
             MujocoEnv heavyCheetah = Environments.create("halfcheetah", "density=2.0", 0)) {
            for (int b = 1; b < real.model().raw().nbody(); b++) {
                assertEquals(2.0 * real.model().raw().body_mass().get(b), heavy.model().raw().body_mass().get(b), 1e-9);
            }
            for (int b = 1; b < cheetah.model().raw().nbody(); b++) {
                assertEquals(cheetah.model().raw().body_mass().get(b), heavyCheetah.model().raw().body_mass().get(b), 0.0);
            }
        }
    }

    @Test
    void actionNoiseChangesTheTrajectoryButNotTheStoredAction() {
        double[][] realObs = new double[20][];
        double[][] noisyObs = new double[20][];
        double[][] noisyAgain = new double[20][];
        double[] action = {0.3, -0.2, 0.1};
        try (MujocoEnv real = Environments.create("hopper", "real", 5);
             MujocoEnv noisy = Environments.create("hopper", "action_noise=1.0", 5);
             MujocoEnv noisy2 = Environments.create("hopper", "action_noise=1.0", 5)) {
            real.reset();
            noisy.reset();
            noisy2.reset();
            for (int i = 0; i < 20; i++) {
                Step s = noisy.step(action);
                assertEquals(Arrays.toString(action), Arrays.toString(s.action()), "stored action is noise-free");
                noisyObs[i] = s.observation();
                realObs[i] = real.step(action).observation();
                noisyAgain[i] = noisy2.step(action).observation();
            }
        }
        assertFalse(Arrays.deepEquals(realObs, noisyObs), "noise must change the trajectory");
        assertTrue(Arrays.deepEquals(noisyObs, noisyAgain), "same seed, same noise");
        assertNotEquals(realObs[0][5], noisyObs[0][5]);
    }
}
