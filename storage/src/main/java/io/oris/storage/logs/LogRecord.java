package io.oris.storage.logs;

/**
 * One parsed log row.
 *
 * @param fileIndex   which input file (for grouping episodes per file)
 * @param line        1-based line number (for messages)
 * @param episodeKey  the episode column's text
 * @param step        the step column
 * @param obs         observation components
 * @param action      action components
 * @param nextObs     next-observation components, or null when derived from the next row
 * @param reward      the reward column, or NaN when a reward function supplies it
 * @param terminal    terminal flag (false without a terminal column)
 * @param timeout     timeout flag (false without a timeout column)
 */
record LogRecord(int fileIndex, long line, String episodeKey, long step, float[] obs, float[] action, float[] nextObs,
        float reward, boolean terminal, boolean timeout) {
}
