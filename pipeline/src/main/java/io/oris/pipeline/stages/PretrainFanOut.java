package io.oris.pipeline.stages;

import io.oris.orchestration.plan.StageTask;
import io.oris.orchestration.runner.RunContext;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.SparkSession;

/**
 * How a pretrain stage task (GANs for ORIS, dynamics models for COMBO) runs the models it is missing: one Spark task
 * per model under the stage task's job group, each returning one log line, which the driver prints in order.
 */
final class PretrainFanOut {
    private PretrainFanOut() {
    }

    /**
     * Trains {@code jobs} ({@code train} gets a job and the data root's URI and returns its log line), or logs that
     * there is nothing to do.
     *
     * @param stage the stage's name in the log ({@code pretrain-gan})
     * @param plural what is trained, for the log ({@code GANs})
     * @param counted the same after a count ({@code GAN(s)})
     */
    static <J extends Serializable> void run(SparkSession spark, StageTask task, RunContext context, String stage,
                                             String plural, String counted, List<J> jobs,
                                             Function2<J, String, String> train) {
        if (jobs.isEmpty()) {
            context.log().accept(stage + " " + task.id() + ": " + plural + " already trained");
            return;
        }
        context.log().accept(stage + " " + task.id() + ": training " + jobs.size() + " " + counted);
        String root = context.dataRoot().toString();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        jsc.setJobGroup("oris-" + task.id(), stage + " " + task.id(), true);
        List<String> lines = jsc.parallelize(jobs, jobs.size()).map(job -> train.call(job, root)).collect();
        lines.forEach(context.log());
    }
}
