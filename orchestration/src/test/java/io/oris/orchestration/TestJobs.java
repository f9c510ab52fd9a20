package io.oris.orchestration;

import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.descriptor.JobDescriptorParser;
import java.nio.file.Path;

/** Test helpers: the project's job files and inline job text. */
public final class TestJobs {
    private TestJobs() {
    }

    /** A file of the project's {@code jobs/} folder (tests run in the module folder). */
    public static Path jobFile(String name) {
        return Path.of("..", "jobs", name);
    }

    public static JobDescriptor load(String name) {
        return JobDescriptor.load(jobFile(name));
    }

    public static JobDescriptor parse(String yaml) {
        return new JobDescriptorParser().parse(yaml, Path.of("test-job.yaml"));
    }

    /** A minimal valid job whose oris: section is {@code orisBody} (indented by 4 spaces). */
    public static String job(String orisBody) {
        return "testjob:\n  default_args:\n    retries: 0\n    retry_delay: 0\n  schedule: null\n  oris:\n" + orisBody;
    }
}
