package io.oris.orchestration.descriptor;

/**
 * How policies are scored in the real environment: episodes per evaluation, the last K evaluations that
 * make the final score, the score kind ({@code normalized} D4RL score or raw {@code return}) and the
 * episode step limit.
 */
public record EvalProtocol(int episodes, int lastK, String score, int maxEpisodeSteps) {
}
