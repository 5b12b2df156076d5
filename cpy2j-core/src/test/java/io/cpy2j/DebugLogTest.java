package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.support.ChildMaster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CPY2J_DEBUG switches on per-call lines in the master and in the twin, each naming both sides. */
class DebugLogTest {

    @Test
    void debugPrintsPerCallLinesOnBothSides() throws Exception {
        try (ChildMaster master = ChildMaster.start(Map.of("CPY2J_DEBUG", "DEBUG"), "dbg")) {
            assertThat(master.awaitExit()).isZero();
            String stderr = master.stderr();
            assertThat(stderr).contains("[cpy2j DEBUG] master->dbg call execute Functions::sumRange");
            assertThat(stderr).contains("[cpy2j DEBUG] master->dbg returned execute Functions::sumRange in");
            // the twin's own line, forwarded through its stderr and tagged with its id
            assertThat(stderr).containsPattern("\\[dbg\\] \\[cpy2j DEBUG\\] master->dbg serve #\\d+ execute "
                    + "Functions::sumRange in dbg");
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
