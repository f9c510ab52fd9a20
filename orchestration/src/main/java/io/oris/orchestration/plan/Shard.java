package io.oris.orchestration.plan;

/**
 * The i-th of n tasks of one stage (1-based, written {@code i/n}): what {@code oris stage NAME --shard i/n}
 * runs. The planner numbers the tasks of each stage in a fixed order, so a shard means the same work on
 * the laptop, on the cluster and under Airflow.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected 1 <= i <= n");
        }
    }

    /** Parses {@code i/n}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("shard '" + text + "': expected i/n, e.g. 3/12");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard '" + text + "': expected i/n with integers, e.g. 3/12");
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
