package io.oris.orchestration.descriptor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Durations and dates in the forms dag-factory 1.x instantiates: a duration is a
 * {@code {__type__: datetime.timedelta, hours: 2}} map (dag-factory 1.0 removed the {@code *_sec(s)} keys and
 * Airflow 3 rejects a plain number for {@code execution_timeout} and {@code dagrun_timeout}), a date is an ISO string
 * or a {@code {__type__: datetime.datetime, year: 2026, month: 1, day: 1}} map. Job files are read and exported in
 * these forms, so a job file is a DAG dag-factory loads as it is.
 */
public final class AirflowTime {
    public static final String TYPE_KEY = "__type__";
    public static final String TIMEDELTA = "datetime.timedelta";
    public static final String DATETIME = "datetime.datetime";
    /** The keyword arguments of Python's {@code datetime.timedelta}, with their length in seconds. */
    private static final Map<String, Double> UNITS = Map.of("weeks", 604800.0, "days", 86400.0, "hours", 3600.0,
            "minutes", 60.0, "seconds", 1.0, "milliseconds", 1e-3, "microseconds", 1e-6);
    private static final List<String> DATE_FIELDS = List.of("year", "month", "day", "hour", "minute", "second",
            "microsecond");
    private static final Pattern ISO_DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    private AirflowTime() {
    }

    /**
     * The length in whole seconds of a {@code datetime.timedelta} map; with {@code numberAllowed} (Airflow's
     * {@code retry_delay}, which also takes seconds as a number) a plain number of seconds is read as well.
     */
    public static long seconds(YamlNode node, boolean numberAllowed) {
        String form = "a {" + TYPE_KEY + ": " + TIMEDELTA + ", hours: H, minutes: M, seconds: S} map";
        if (node.isScalar() && numberAllowed) {
            return positiveSeconds(node, node.doubleValue(), form);
        }
        if (!node.isMap()) {
            throw node.error("expected " + form + (numberAllowed ? " or a number of seconds" : "")
                    + " (dag-factory 1.x instantiates it; Airflow 3 rejects a plain number here)");
        }
        Map<String, YamlNode> m = node.map();
        YamlNode type = m.get(TYPE_KEY);
        if (type == null || !type.isScalar() || !type.string().equals(TIMEDELTA)) {
            throw node.error("expected " + form + "; '" + TYPE_KEY + ": " + TIMEDELTA + "' is missing");
        }
        double total = 0;
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            if (e.getKey().equals(TYPE_KEY)) {
                continue;
            }
            Double unit = UNITS.get(e.getKey());
            if (unit == null) {
                throw e.getValue().error("unknown datetime.timedelta argument '" + e.getKey() + "'; expected one of "
                        + new java.util.TreeSet<>(UNITS.keySet()));
            }
            total += e.getValue().doubleValue() * unit;
        }
        return positiveSeconds(node, total, form);
    }

    private static long positiveSeconds(YamlNode node, double s, String form) {
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw node.error("expected a duration of at least 0 seconds as " + form + ", found " + s + " s");
        }
        return Math.round(s);
    }

    /** The dag-factory map of a duration of {@code seconds}. */
    public static Map<String, Object> timedelta(long seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(TYPE_KEY, TIMEDELTA);
        m.put("seconds", seconds);
        return m;
    }

    /** True when {@code value} is a timedelta map as {@link #timedelta(long)} writes it or a user may. */
    public static boolean isTimedelta(Object value) {
        return value instanceof Map<?, ?> m && TIMEDELTA.equals(m.get(TYPE_KEY))
                && m.keySet().stream().allMatch(k -> k.equals(TYPE_KEY) || UNITS.containsKey(k))
                && m.entrySet().stream().filter(e -> !e.getKey().equals(TYPE_KEY)).allMatch(e -> e.getValue() instanceof Number);
    }

    /**
     * Checks a date ({@code start_date}, {@code end_date}): an ISO date or timestamp, or a {@code datetime.datetime}
     * map with integer fields; returns it as written (SnakeYAML's dates as their ISO text).
     */
    public static Object date(YamlNode node) {
        if (node.isScalar()) {
            String s = node.string().trim();
            if (!ISO_DATE.matcher(s).matches()) {
                throw node.error("expected an ISO date such as 2026-01-01 (or 2026-01-01T03:00:00Z) or a {" + TYPE_KEY
                        + ": " + DATETIME + ", year: Y, month: M, day: D} map, found '" + s + "'");
            }
            return s;
        }
        if (!node.isMap()) {
            throw node.error("expected an ISO date or a {" + TYPE_KEY + ": " + DATETIME + ", year: Y, month: M, day: D} map");
        }
        Map<String, YamlNode> m = node.map();
        YamlNode type = m.get(TYPE_KEY);
        if (type == null || !type.isScalar() || !type.string().equals(DATETIME)) {
            throw node.error("expected '" + TYPE_KEY + ": " + DATETIME + "' in a date map");
        }
        for (String required : List.of("year", "month", "day")) {
            if (!m.containsKey(required)) {
                throw node.error("a " + DATETIME + " map needs '" + required + "'");
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(TYPE_KEY, DATETIME);
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            if (e.getKey().equals(TYPE_KEY)) {
                continue;
            }
            if (!DATE_FIELDS.contains(e.getKey())) {
                throw e.getValue().error("unknown datetime.datetime argument '" + e.getKey() + "'; expected one of "
                        + DATE_FIELDS);
            }
            out.put(e.getKey(), e.getValue().longAtLeast(0));
        }
        return out;
    }

    /** Keys that dag-factory 1.0 removed, with the key that replaces each. */
    public static final Map<String, String> REMOVED_KEYS = Map.of(
            "retry_delay_sec", "retry_delay", "dagrun_timeout_sec", "dagrun_timeout",
            "execution_timeout_secs", "execution_timeout", "sla_secs", "(nothing: Airflow 3 removed SLAs)",
            "execution_delta_secs", "execution_delta", "schedule_interval", "schedule");

    /** Fails on a key that dag-factory 1.0 removed, naming the one that replaces it. */
    public static void rejectRemovedKeys(YamlNode mapNode) {
        if (!mapNode.isMap()) {
            return;
        }
        for (Map.Entry<String, YamlNode> e : mapNode.map().entrySet()) {
            String replacement = REMOVED_KEYS.get(e.getKey());
            if (replacement != null) {
                String hint = e.getKey().equals("schedule_interval") ? "write 'schedule' (cron, preset or null)"
                        : replacement.startsWith("(") ? "remove it " + replacement
                        : "write '" + replacement + ": {" + TYPE_KEY + ": " + TIMEDELTA + ", seconds: N}'";
                throw e.getValue().error("'" + e.getKey() + "' was removed in dag-factory 1.0; " + hint);
            }
        }
    }
}
