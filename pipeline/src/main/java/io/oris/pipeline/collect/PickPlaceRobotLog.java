package io.oris.pipeline.collect;

import io.oris.sim.env.Task;
import io.oris.storage.logs.RobotLogWriter;
import java.util.List;

/**
 * The robot-log layout of pick-place data: the fields a robot team's arm would record per control step, and the ones
 * {@code jobs/examples/pick-place-log-mapping.yaml} maps back to the 7-d state and 4-d action. End-effector
 * {@code ee_x, ee_y, ee_z}, {@code gripper_opening}, the tracked block {@code block_x, block_y, block_z}; the
 * commanded {@code cmd_vx, cmd_vy, cmd_vz} (normalised end-effector velocity) and {@code cmd_gripper}; the finger
 * joint positions {@code finger_joint_right}/{@code finger_joint_left} in metres (what a gripper driver reports; not
 * mapped); {@code timestamp} in seconds at the environment's 80 Hz control rate; {@code reward}, {@code done},
 * {@code truncated}.
 */
public final class PickPlaceRobotLog {
    /** Observation fields, in state order. */
    public static final List<String> OBSERVATION = List.of("ee_x", "ee_y", "ee_z", "gripper_opening", "block_x",
            "block_y", "block_z");
    /** Action fields, in action order. */
    public static final List<String> ACTION = List.of("cmd_vx", "cmd_vy", "cmd_vz", "cmd_gripper");

    private PickPlaceRobotLog() {
    }

    /** Seconds per control step: the model's 2.5 ms timestep × the frame skip, as PickPlaceEnv steps (80 Hz). */
    public static final double CONTROL_SECONDS = 0.0025 * Task.PICK_PLACE.frameSkip();

    /** A writer of this layout. */
    public static RobotLogWriter writer() {
        return new RobotLogWriter(OBSERVATION, ACTION, CONTROL_SECONDS, (node, obs) -> {
            double q = 0.05 * (1.0 - obs[3]); // each finger's slide from open (PickPlaceEnv's restart rule)
            node.put("finger_joint_right", Math.round(q * 1e7) / 1e7);
            node.put("finger_joint_left", -Math.round(q * 1e7) / 1e7);
        });
    }
}
