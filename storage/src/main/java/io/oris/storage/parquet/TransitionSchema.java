package io.oris.storage.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of the transition-dataset contract (docs/architecture.md §6.1): {@code episode} int64,
 * {@code t} int32, {@code obs}/{@code action}/{@code next_obs} list&lt;float&gt;, {@code reward} float,
 * {@code terminal}/{@code timeout} boolean, optional {@code qpos}/{@code qvel} list&lt;double&gt;. Lists use
 * the standard three-level layout Spark writes for a non-null {@code array<float>}, so Spark and any
 * Parquet reader see the same columns.
 */
public final class TransitionSchema {
    public static final String EPISODE = "episode";
    public static final String T = "t";
    public static final String OBS = "obs";
    public static final String ACTION = "action";
    public static final String REWARD = "reward";
    public static final String NEXT_OBS = "next_obs";
    public static final String TERMINAL = "terminal";
    public static final String TIMEOUT = "timeout";
    public static final String QPOS = "qpos";
    public static final String QVEL = "qvel";
    /** Name of the repeated group inside a list column. */
    static final String LIST = "list";
    /** Name of the value inside a list column's repeated group. */
    static final String ELEMENT = "element";

    private TransitionSchema() {
    }

    /** The message type for a dataset with or without the {@code qpos}/{@code qvel} columns. */
    public static MessageType messageType(boolean withState) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        b.required(PrimitiveTypeName.INT64).named(EPISODE);
        b.required(PrimitiveTypeName.INT32).named(T);
        b.addField(list(OBS, PrimitiveTypeName.FLOAT));
        b.addField(list(ACTION, PrimitiveTypeName.FLOAT));
        b.required(PrimitiveTypeName.FLOAT).named(REWARD);
        b.addField(list(NEXT_OBS, PrimitiveTypeName.FLOAT));
        b.required(PrimitiveTypeName.BOOLEAN).named(TERMINAL);
        b.required(PrimitiveTypeName.BOOLEAN).named(TIMEOUT);
        if (withState) {
            b.addField(list(QPOS, PrimitiveTypeName.DOUBLE));
            b.addField(list(QVEL, PrimitiveTypeName.DOUBLE));
        }
        return b.named("spark_schema");
    }

    private static Type list(String name, PrimitiveTypeName element) {
        return Types.requiredGroup()
                .as(LogicalTypeAnnotation.listType())
                .addField(Types.repeatedGroup().addField(Types.required(element).named(ELEMENT)).named(LIST))
                .named(name);
    }

    /**
     * The same schema as a Spark SQL DDL string ({@code episode BIGINT NOT NULL, ...}), for code that builds
     * DataFrames of transitions.
     */
    public static String sparkDdl(boolean withState) {
        String ddl = "episode BIGINT NOT NULL, t INT NOT NULL, obs ARRAY<FLOAT> NOT NULL, action ARRAY<FLOAT> NOT NULL, "
                + "reward FLOAT NOT NULL, next_obs ARRAY<FLOAT> NOT NULL, terminal BOOLEAN NOT NULL, "
                + "timeout BOOLEAN NOT NULL";
        return withState ? ddl + ", qpos ARRAY<DOUBLE> NOT NULL, qvel ARRAY<DOUBLE> NOT NULL" : ddl;
    }
}
