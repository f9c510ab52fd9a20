package io.oris.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report's method labels and default column order, which {@link Names} reads from the method catalog: as the
 * papers print them, and as the report printed them before the catalog existed.
 */
class MethodLabelsTest {
    @Test
    void labelsAsThePapersPrintThem() {
        List<String> columns = List.of("bc", "cql", "iql", "sql", "td3bc", "combo", "sac", "darc", "darc+", "h2o",
                "h2o-a-dr", "oris", "oris-no_restart", "oris-h2o_reweight", "oris-no_restart-h2o_reweight", "oris-x",
                "mopo", "mopo-x");
        List<String> expected = List.of("BC", "CQL", "IQL", "SQL", "TD3+BC", "COMBO", "SAC", "DARC", "DARC+", "H2O",
                "H2O-a-dr", "ORIS", "ORIS (w/o restart)", "ORIS (H2O reweight)", "ORIS (w/o restart & H2O reweight)",
                "ORIS-x", "MOPO", "MOPO-x");
        assertEquals(expected, columns.stream().map(Names::display).toList());
    }

    @Test
    void defaultColumnOrderPutsOfflineBaselinesFirstAndVariantsAfterTheirMethod() {
        List<String> columns = new ArrayList<>(List.of("oris-no_restart-h2o_reweight", "mopo", "oris", "h2o-reg-dr",
                "h2o-a-dr", "h2o", "darc+", "h2o-dr", "sac", "oris-h2o_reweight", "combo", "darc", "oris-no_restart",
                "td3bc", "h2o-a", "sql", "iql", "h2o-reg", "cql", "bc"));
        columns.sort(Names.columnOrder(List.of()));
        assertEquals(List.of("bc", "cql", "iql", "sql", "td3bc", "combo", "sac", "darc", "darc+", "h2o", "h2o-a",
                "h2o-dr", "h2o-a-dr", "h2o-reg", "h2o-reg-dr", "oris", "oris-no_restart", "oris-h2o_reweight",
                "oris-no_restart-h2o_reweight", "mopo"), columns);
    }
}
