package io.oris.pipeline.stages;

import io.oris.orchestration.StageKind;
import io.oris.orchestration.runner.StageExecutor;
import io.oris.pipeline.report.ReportResult;
import io.oris.pipeline.train.LearnerProvider;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * The pipeline's stage executors, one per {@link StageKind}, all sharing one Spark session: what the local
 * runner, {@code oris stage} (Airflow / spark-submit) and {@code oris submit} run.
 */
public final class PipelineStages {
    private PipelineStages() {
    }

    /**
     * @param spark     the session the stages fan out on
     * @param learners  builds learners and rollout plans for train, evaluate and collect
     * @param reportDir where aggregate writes (null: {@code <data-root>/reports/<dag id>})
     * @param onReport  receives the report aggregate wrote
     */
    public static Map<StageKind, StageExecutor> executors(SparkSession spark, LearnerProvider learners, Path reportDir,
                                                         Consumer<ReportResult> onReport) {
        Map<StageKind, StageExecutor> m = new EnumMap<>(StageKind.class);
        m.put(StageKind.INGEST, new IngestStage(spark));
        m.put(StageKind.COLLECT, new CollectStage(spark, learners));
        m.put(StageKind.PRETRAIN_GAN, new PretrainGanStage(spark));
        m.put(StageKind.PRETRAIN_DYNAMICS, new PretrainDynamicsStage(spark));
        m.put(StageKind.TRAIN, new TrainStage(spark, learners, 20_000));
        m.put(StageKind.EVALUATE, new EvaluateStage(spark, learners, 5));
        m.put(StageKind.AGGREGATE, new AggregateStage(reportDir, onReport));
        return m;
    }
}
