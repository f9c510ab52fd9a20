package io.oris.orchestration.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oris.orchestration.descriptor.JobDescriptor;
import io.oris.orchestration.descriptor.JobDescriptorParser;
import io.oris.orchestration.plan.Plan;
import io.oris.orchestration.plan.Planner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The complete example of the format page must stay a valid job. */
class ReadmeExampleTest {

    @Test
    void theDocumentedExampleParsesAndPlans() throws Exception {
        Path readme = Path.of("README.md");
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(readme));
        assertTrue(m.find(), "README.md has a yaml example");
        JobDescriptor job = new JobDescriptorParser().parse(m.group(1), readme);
        assertEquals("nightly-hopper", job.dagId());
        assertEquals("0 3 * * *", job.schedule());
        Plan plan = new Planner().plan(job, null);
        assertEquals(8, job.sweep().datasets().size());
        assertEquals(5, job.sweep().gaps().size());
        assertEquals(300, job.defaultArgs().retryDelaySec());
        assertEquals(86400L, job.defaultArgs().executionTimeoutSec());
        // sac: 1 env x 5 gaps x 5 seeds; 6 offline (cql, iql, sql, combo, td3bc, bc) x 8 datasets x 5 seeds;
        // 6 hybrid columns x 8 x 5 x 5
        assertEquals(25 + 6 * 40 + 6 * 200, plan.runs().size());
    }
}
