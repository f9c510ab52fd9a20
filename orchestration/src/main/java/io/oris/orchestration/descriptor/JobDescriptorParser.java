package io.oris.orchestration.descriptor;

import io.oris.storage.ShippedDatasets;
import io.oris.storage.TextFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one parser of job files: reads the YAML with SnakeYAML's node API (for line numbers), checks the
 * dag-factory part (DAG id, {@code default_args}, {@code schedule}, {@code tasks}, other DAG parameters)
 * and hands the {@code oris:} section to {@link SweepParser}. Every error names file, key path and line.
 */
public final class JobDescriptorParser {
    /** DAG-level keys dag-factory understands that a job file may carry (passed through to Airflow). */
    static final Set<String> DAG_KEYS = Set.of("default_args", "schedule", "description", "start_date", "end_date",
            "catchup", "tags", "max_active_runs", "max_active_tasks", "dagrun_timeout", "doc_md",
            "is_paused_upon_creation", "dag_display_name", "tasks", JobDescriptor.SWEEP_KEY);
    static final Set<String> DEFAULT_ARGS_KEYS = Set.of("owner", "retries", "retry_delay", "execution_timeout",
            "start_date", "end_date", "email", "email_on_failure", "email_on_retry", "depends_on_past",
            "retry_exponential_backoff", "queue", "pool", "priority_weight");
    private static final Pattern DAG_ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> PRESETS = Set.of("@once", "@continuous", "@hourly", "@daily", "@weekly",
            "@monthly", "@quarterly", "@yearly", "@annually", "@midnight");

    private final ShippedDatasets shipped;

    /** A parser whose {@code {shipped: ID}} entries name the datasets shipped on the classpath. */
    public JobDescriptorParser() {
        this(ShippedDatasets.onClasspath());
    }

    /** A parser whose {@code {shipped: ID}} entries name the datasets of {@code shipped}. */
    public JobDescriptorParser(ShippedDatasets shipped) {
        this.shipped = shipped;
    }

    /** Reads a job file from disk. */
    public JobDescriptor load(Path file) {
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (IOException e) {
            throw new DescriptorException(file, "", 0, "cannot read job file (" + e.getMessage() + ")");
        }
        return parse(text, file);
    }

    /** Parses job file text; {@code source} names the file in messages and in the descriptor. */
    public JobDescriptor parse(String text, Path source) {
        String fileName = String.valueOf(source);
        Node root = compose(new StringReader(text), fileName);
        if (root == null) {
            throw new DescriptorException(fileName, "", 1, "empty job file; expected one top-level key, the DAG id");
        }
        YamlNode top = new YamlNode(fileName, "", root);
        Map<String, YamlNode> dags = top.map();
        if (dags.size() != 1) {
            throw top.error("expected exactly one top-level key (the DAG id), found " + dags.keySet()
                    + "; one job file describes one DAG");
        }
        Map.Entry<String, YamlNode> entry = dags.entrySet().iterator().next();
        String dagId = entry.getKey();
        YamlNode dag = entry.getValue();
        if (!DAG_ID.matcher(dagId).matches() || dagId.equals("default")) {
            throw dag.error("DAG id '" + dagId + "' must be letters, digits, '_', '.', '-' and not 'default'");
        }
        AirflowTime.rejectRemovedKeys(dag);
        Map<String, YamlNode> keys = dag.map(DAG_KEYS);
        YamlNode sweepNode = keys.get(JobDescriptor.SWEEP_KEY);
        if (sweepNode == null) {
            throw dag.error("missing '" + JobDescriptor.SWEEP_KEY + ":' section (the sweep: envs, datasets, gaps, methods, seeds, ...)");
        }
        DefaultArgs defaultArgs = defaultArgs(keys.get("default_args"));
        String schedule = schedule(keys.get("schedule"));
        Map<String, Object> dagParams = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : keys.entrySet()) {
            String k = e.getKey();
            if (Set.of("start_date", "end_date").contains(k)) {
                dagParams.put(k, AirflowTime.date(e.getValue()));
            } else if (k.equals("dagrun_timeout")) {
                dagParams.put(k, AirflowTime.timedelta(AirflowTime.seconds(e.getValue(), false)));
            } else if (!Set.of("default_args", "schedule", "tasks", JobDescriptor.SWEEP_KEY).contains(k)) {
                dagParams.put(k, e.getValue().plain());
            }
        }
        Sweep sweep = new SweepParser(shipped).parse(sweepNode);
        List<DeclaredTask> tasks = keys.containsKey("tasks") ? tasks(keys.get("tasks")) : null;
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) sweepNode.plain();
        return new JobDescriptor(source, dagId, defaultArgs, schedule, dagParams, sweep, section, tasks);
    }

    private static Node compose(Reader reader, String file) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new DescriptorException(file, "", line, "malformed YAML: " + problem + context);
        } catch (YAMLException e) {
            throw new DescriptorException(file, "", 0, "malformed YAML: " + e.getMessage());
        }
    }

    /**
     * Reads {@code default_args}: {@code retry_delay} as a timedelta map or a number of seconds (Airflow takes both;
     * default 300 s, Airflow's), {@code execution_timeout} as a timedelta map, dates checked; the entries are kept
     * with durations in the timedelta form, which the export writes.
     */
    private static DefaultArgs defaultArgs(YamlNode node) {
        if (node == null || node.isNull()) {
            return new DefaultArgs("oris", 0, 300, null, Map.of("owner", "oris"));
        }
        AirflowTime.rejectRemovedKeys(node);
        Map<String, YamlNode> m = node.map(DEFAULT_ARGS_KEYS);
        String owner = m.containsKey("owner") ? m.get("owner").string() : "oris";
        int retries = m.containsKey("retries") ? (int) m.get("retries").longAtLeast(0) : 0;
        long delay = m.containsKey("retry_delay") ? AirflowTime.seconds(m.get("retry_delay"), true) : 300;
        Long timeout = m.containsKey("execution_timeout") ? AirflowTime.seconds(m.get("execution_timeout"), false) : null;
        if (timeout != null && timeout < 1) {
            throw m.get("execution_timeout").error("expected an execution_timeout of at least 1 second");
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        m.forEach((k, v) -> entries.put(k, switch (k) {
            case "retry_delay" -> AirflowTime.timedelta(delay);
            case "execution_timeout" -> AirflowTime.timedelta(timeout);
            case "start_date", "end_date" -> AirflowTime.date(v);
            default -> v.plain();
        }));
        entries.putIfAbsent("owner", owner);
        return new DefaultArgs(owner, retries, delay, timeout, entries);
    }

    private static String schedule(YamlNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String s = node.string().trim();
        if (s.equals("None")) {
            return null;
        }
        if (PRESETS.contains(s)) {
            return s;
        }
        String[] fields = s.split("\\s+");
        if (fields.length != 5 || !s.matches("[0-9*/,\\-A-Za-z? \\t]+")) {
            throw node.error("expected a cron expression with 5 fields (e.g. '0 3 * * *'), a preset such as @daily, or null");
        }
        return s;
    }

    private static List<DeclaredTask> tasks(YamlNode node) {
        List<DeclaredTask> out = new ArrayList<>();
        if (node.isMap()) {
            for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
                out.add(task(e.getValue(), e.getKey()));
            }
            return out;
        }
        for (YamlNode t : node.list()) {
            Map<String, YamlNode> m = t.map();
            if (!m.containsKey("task_id")) {
                throw t.error("a task needs 'task_id'");
            }
            out.add(task(t, m.get("task_id").string()));
        }
        return out;
    }

    private static DeclaredTask task(YamlNode t, String id) {
        Map<String, YamlNode> m = t.map();
        if (!m.containsKey("operator")) {
            throw t.error("task '" + id + "' needs 'operator' (a dotted class path)");
        }
        List<String> deps = new ArrayList<>();
        if (m.containsKey("dependencies") && !m.get("dependencies").isNull()) {
            for (YamlNode d : m.get("dependencies").list()) {
                deps.add(d.string());
            }
        }
        return new DeclaredTask(id, m.get("operator").string(), deps, t.path(), t.line());
    }
}
