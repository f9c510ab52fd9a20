package io.oris.orchestration.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A SnakeYAML node with its key path and file, so every typed read can fail with a message that names
 * the file, the key path, the line and what was expected.
 */
public final class YamlNode {
    private final String file;
    private final String path;
    private final Node node;
    private final Node key;

    YamlNode(String file, String path, Node node) {
        this(file, path, node, null);
    }

    private YamlNode(String file, String path, Node node, Node key) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.key = key;
    }

    public String path() {
        return path;
    }

    public String file() {
        return file;
    }

    /** 1-based line of this node's key (for a mapping entry) or of its start. */
    public int line() {
        Node at = key != null ? key : node;
        return at.getStartMark() == null ? 0 : at.getStartMark().getLine() + 1;
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    public DescriptorException error(String problem) {
        return new DescriptorException(file, path, line(), problem);
    }

    private String kind() {
        if (isNull()) {
            return "null";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        return "'" + s.getValue() + "'";
    }

    private DescriptorException expected(String what) {
        return error("expected " + what + ", found " + kind());
    }

    /** The entries of a mapping, in file order; duplicate keys are an error. */
    public Map<String, YamlNode> map() {
        if (!(node instanceof MappingNode m)) {
            throw expected("a mapping");
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new YamlNode(file, path, t.getKeyNode()).error("expected a plain key");
            }
            String key = k.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (out.containsKey(key)) {
                throw new YamlNode(file, childPath, k).error("duplicate key '" + key + "'");
            }
            out.put(key, new YamlNode(file, childPath, t.getValueNode(), k));
        }
        return out;
    }

    /** The entries of a mapping, failing on a key outside {@code allowed} (naming the allowed ones). */
    public Map<String, YamlNode> map(Set<String> allowed) {
        Map<String, YamlNode> entries = map();
        for (Map.Entry<String, YamlNode> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown key '" + e.getKey() + "'; expected one of " + new TreeSet<>(allowed));
            }
        }
        return entries;
    }

    /** Elements of a list; a single scalar is read as a one-element list when {@code scalarAsList}. */
    public List<YamlNode> list(boolean scalarAsList) {
        if (node instanceof SequenceNode s) {
            List<YamlNode> out = new ArrayList<>(s.getValue().size());
            int i = 0;
            for (Node n : s.getValue()) {
                out.add(new YamlNode(file, path + "[" + i++ + "]", n));
            }
            return out;
        }
        if (scalarAsList && isScalar()) {
            return List.of(this);
        }
        throw expected("a list");
    }

    public List<YamlNode> list() {
        return list(false);
    }

    public String string() {
        if (!isScalar()) {
            throw expected("a string");
        }
        return ((ScalarNode) node).getValue();
    }

    /** A string from a fixed set of choices. */
    public String choice(Set<String> choices) {
        String v = string();
        if (!choices.contains(v)) {
            throw error("unknown value '" + v + "'; expected one of " + new TreeSet<>(choices));
        }
        return v;
    }

    public long longValue() {
        if (isScalar() && ((ScalarNode) node).getTag().equals(Tag.INT)) {
            try {
                return Long.parseLong(string().replace("_", ""));
            } catch (NumberFormatException e) {
                throw expected("an integer");
            }
        }
        throw expected("an integer");
    }

    public int intValue() {
        long v = longValue();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error("integer out of range: " + v);
        }
        return (int) v;
    }

    /** An integer that must be at least {@code min}. */
    public long longAtLeast(long min) {
        long v = longValue();
        if (v < min) {
            throw error("expected an integer >= " + min + ", found " + v);
        }
        return v;
    }

    public double doubleValue() {
        if (isScalar()) {
            Tag tag = ((ScalarNode) node).getTag();
            if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
                try {
                    return Double.parseDouble(string().replace("_", ""));
                } catch (NumberFormatException e) {
                    throw expected("a number");
                }
            }
        }
        throw expected("a number");
    }

    public boolean bool() {
        if (isScalar() && ((ScalarNode) node).getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(string().toLowerCase(java.util.Locale.ROOT))
                    || Set.of("yes", "on", "y").contains(string().toLowerCase(java.util.Locale.ROOT));
        }
        throw expected("true or false");
    }

    /**
     * This node as plain Java values (String, Long, Double, Boolean, null, List, Map) for pass-through
     * sections such as learner hyperparameters and the Spark conf.
     */
    public Object plain() {
        if (isNull()) {
            return null;
        }
        if (node instanceof MappingNode) {
            Map<String, Object> out = new LinkedHashMap<>();
            map().forEach((k, v) -> out.put(k, v.plain()));
            return out;
        }
        if (node instanceof SequenceNode) {
            List<Object> out = new ArrayList<>();
            for (YamlNode n : list()) {
                out.add(n.plain());
            }
            return out;
        }
        Tag tag = ((ScalarNode) node).getTag();
        if (tag.equals(Tag.INT)) {
            return longValue();
        }
        if (tag.equals(Tag.FLOAT)) {
            return doubleValue();
        }
        if (tag.equals(Tag.BOOL)) {
            return bool();
        }
        return string();
    }
}
