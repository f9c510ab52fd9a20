package io.oris.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Every hyperparameter of every method, grouped by method; each group's record documents its defaults. Overrides
 * use dotted keys ({@code sac.gamma}, {@code h2o.beta}, {@code oris.wMin}); an unknown key is an error.
 */
public record LearnerConfig(SacConfig sac, CqlConfig cql, IqlConfig iql, Td3BcConfig td3bc, BcConfig bc, H2oConfig h2o,
                            DiscriminatorConfig discriminator, OrisConfig oris, GanConfig gan, SqlConfig sql,
                            ComboConfig combo, DynamicsConfig dynamics) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Groups added after a run's config.json was written (SQL, COMBO and its dynamics model) read as their defaults. */
    public LearnerConfig {
        sql = sql == null ? SqlConfig.defaults() : sql;
        combo = combo == null ? ComboConfig.defaults() : combo;
        dynamics = dynamics == null ? DynamicsConfig.defaults() : dynamics;
    }

    /** Every field at its default (the values the record's Javadoc gives). */
    public static LearnerConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sac = sac;
        b.cql = cql;
        b.iql = iql;
        b.td3bc = td3bc;
        b.bc = bc;
        b.h2o = h2o;
        b.discriminator = discriminator;
        b.oris = oris;
        b.gan = gan;
        b.sql = sql;
        b.combo = combo;
        b.dynamics = dynamics;
        return b;
    }

    /** A copy with {@code overrides} applied (values may be numbers, booleans, strings or lists). */
    public LearnerConfig withOverrides(Map<String, ?> overrides) {
        ObjectNode root = MAPPER.valueToTree(this);
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            String[] path = e.getKey().split("\\.");
            if (path.length != 2 || !root.has(path[0]) || !root.get(path[0]).has(path[1])) {
                throw new IllegalArgumentException("unknown hyperparameter '" + e.getKey() + "'");
            }
            ((ObjectNode) root.get(path[0])).set(path[1], MAPPER.valueToTree(e.getValue()));
        }
        try {
            return MAPPER.treeToValue(root, LearnerConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException("bad hyperparameter value: " + ex.getOriginalMessage(), ex);
        }
    }

    /** The whole configuration as JSON (for a run's config.json). */
    public JsonNode toJson() {
        return MAPPER.valueToTree(this);
    }

    public static LearnerConfig fromJson(JsonNode node) {
        try {
            return MAPPER.treeToValue(node, LearnerConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalArgumentException("bad learner configuration: " + ex.getOriginalMessage(), ex);
        }
    }

    /** A copy with {@link #sac()} set to {@code sac}. */
    public LearnerConfig withSac(SacConfig sac) {
        return toBuilder().sac(sac).build();
    }

    /** A copy with {@link #cql()} set to {@code cql}. */
    public LearnerConfig withCql(CqlConfig cql) {
        return toBuilder().cql(cql).build();
    }

    /** A copy with {@link #iql()} set to {@code iql}. */
    public LearnerConfig withIql(IqlConfig iql) {
        return toBuilder().iql(iql).build();
    }

    /** A copy with {@link #td3bc()} set to {@code td3bc}. */
    public LearnerConfig withTd3bc(Td3BcConfig td3bc) {
        return toBuilder().td3bc(td3bc).build();
    }

    /** A copy with {@link #bc()} set to {@code bc}. */
    public LearnerConfig withBc(BcConfig bc) {
        return toBuilder().bc(bc).build();
    }

    /** A copy with {@link #h2o()} set to {@code h2o}. */
    public LearnerConfig withH2o(H2oConfig h2o) {
        return toBuilder().h2o(h2o).build();
    }

    /** A copy with {@link #discriminator()} set to {@code discriminator}. */
    public LearnerConfig withDiscriminator(DiscriminatorConfig discriminator) {
        return toBuilder().discriminator(discriminator).build();
    }

    /** A copy with {@link #oris()} set to {@code oris}. */
    public LearnerConfig withOris(OrisConfig oris) {
        return toBuilder().oris(oris).build();
    }

    /** A copy with {@link #gan()} set to {@code gan}. */
    public LearnerConfig withGan(GanConfig gan) {
        return toBuilder().gan(gan).build();
    }

    /** A copy with {@link #sql()} set to {@code sql}. */
    public LearnerConfig withSql(SqlConfig sql) {
        return toBuilder().sql(sql).build();
    }

    /** A copy with {@link #combo()} set to {@code combo}. */
    public LearnerConfig withCombo(ComboConfig combo) {
        return toBuilder().combo(combo).build();
    }

    /** A copy with {@link #dynamics()} set to {@code dynamics}. */
    public LearnerConfig withDynamics(DynamicsConfig dynamics) {
        return toBuilder().dynamics(dynamics).build();
    }

    /**
     * Builds a {@link LearnerConfig} by field name, starting from the defaults ({@link #builder()}) or
     * from a configuration ({@link #toBuilder()}), so that code outside this record never lists its fields by
     * position and a new field is added in this file only.
     */
    public static final class Builder {
        private SacConfig sac = SacConfig.defaults();
        private CqlConfig cql = CqlConfig.defaults();
        private IqlConfig iql = IqlConfig.defaults();
        private Td3BcConfig td3bc = Td3BcConfig.defaults();
        private BcConfig bc = BcConfig.defaults();
        private H2oConfig h2o = H2oConfig.defaults();
        private DiscriminatorConfig discriminator = DiscriminatorConfig.defaults();
        private OrisConfig oris = OrisConfig.defaults();
        private GanConfig gan = GanConfig.defaults();
        private SqlConfig sql = SqlConfig.defaults();
        private ComboConfig combo = ComboConfig.defaults();
        private DynamicsConfig dynamics = DynamicsConfig.defaults();

        private Builder() {
        }

        /** Sets {@link LearnerConfig#sac()}. */
        public Builder sac(SacConfig sac) {
            this.sac = sac;
            return this;
        }

        /** Sets {@link LearnerConfig#cql()}. */
        public Builder cql(CqlConfig cql) {
            this.cql = cql;
            return this;
        }

        /** Sets {@link LearnerConfig#iql()}. */
        public Builder iql(IqlConfig iql) {
            this.iql = iql;
            return this;
        }

        /** Sets {@link LearnerConfig#td3bc()}. */
        public Builder td3bc(Td3BcConfig td3bc) {
            this.td3bc = td3bc;
            return this;
        }

        /** Sets {@link LearnerConfig#bc()}. */
        public Builder bc(BcConfig bc) {
            this.bc = bc;
            return this;
        }

        /** Sets {@link LearnerConfig#h2o()}. */
        public Builder h2o(H2oConfig h2o) {
            this.h2o = h2o;
            return this;
        }

        /** Sets {@link LearnerConfig#discriminator()}. */
        public Builder discriminator(DiscriminatorConfig discriminator) {
            this.discriminator = discriminator;
            return this;
        }

        /** Sets {@link LearnerConfig#oris()}. */
        public Builder oris(OrisConfig oris) {
            this.oris = oris;
            return this;
        }

        /** Sets {@link LearnerConfig#gan()}. */
        public Builder gan(GanConfig gan) {
            this.gan = gan;
            return this;
        }

        /** Sets {@link LearnerConfig#sql()}. */
        public Builder sql(SqlConfig sql) {
            this.sql = sql;
            return this;
        }

        /** Sets {@link LearnerConfig#combo()}. */
        public Builder combo(ComboConfig combo) {
            this.combo = combo;
            return this;
        }

        /** Sets {@link LearnerConfig#dynamics()}. */
        public Builder dynamics(DynamicsConfig dynamics) {
            this.dynamics = dynamics;
            return this;
        }

        /** The configuration (the record's own checks apply). */
        public LearnerConfig build() {
            return new LearnerConfig(sac, cql, iql, td3bc, bc, h2o, discriminator, oris, gan, sql, combo, dynamics);
        }
    }
}
