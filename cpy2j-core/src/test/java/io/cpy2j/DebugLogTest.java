package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.support.ChildMaster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CPY2J_DEBUG switches on per-call lines in the master and in the twin, each naming both sides: through
 * SLF4J (logger io.cpy2j.calls) when it has a provider, on stderr when it has none.
 */
class DebugLogTest {

    @Test
    void withAnSlf4jProviderTheLinesAreLoggedOnBothSides() throws Exception {
        try (ChildMaster master = ChildMaster.start(Map.of("CPY2J_DEBUG", "DEBUG"), "dbg")) {
            assertThat(master.awaitExit()).isZero();
            String stderr = master.stderr();
            // logback-test.xml's pattern: level, logger, message
            assertThat(stderr).contains("DEBUG io.cpy2j.calls - master->dbg call execute Functions::sumRange");
            assertThat(stderr).contains("DEBUG io.cpy2j.calls - master->dbg returned execute Functions::sumRange in");
            // the twin's own line, logged there and forwarded through its stderr, tagged with its id
            assertThat(stderr).containsPattern("\\[dbg\\] \\S+ DEBUG io\\.cpy2j\\.calls - master->dbg serve #\\d+ "
                    + "execute Functions::sumRange in dbg");
            assertThat(stderr).doesNotContain("[cpy2j DEBUG]");
        }
    }

    @Test
    void withoutAProviderTheLinesArePrintedOnStderrOnBothSides() throws Exception {
        try (ChildMaster master = ChildMaster.startWithout("logback", Map.of("CPY2J_DEBUG", "DEBUG"), "dbg-plain")) {
            assertThat(master.awaitExit()).isZero();
            String stderr = master.stderr();
            assertThat(stderr).contains("[cpy2j DEBUG] master->dbg-plain call execute Functions::sumRange");
            assertThat(stderr).contains("[cpy2j DEBUG] master->dbg-plain returned execute Functions::sumRange in");
            assertThat(stderr).containsPattern("\\[dbg-plain\\] \\[cpy2j DEBUG\\] master->dbg-plain serve #\\d+ "
                    + "execute Functions::sumRange in dbg-plain");
        }
    }

    @Test
    void withoutTheVariableNoPerCallLineIsPrinted() throws Exception {
        try (ChildMaster master = ChildMaster.start(Map.of(), "quiet")) {
            assertThat(master.awaitExit()).isZero();
            assertThat(master.stderr()).doesNotContain("[cpy2j").doesNotContain("master->quiet");
        }
    }
}
