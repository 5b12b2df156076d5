package io.cpy2j.demo.isolated;

import io.cpy2j.TwinException;
import io.cpy2j.TwinMaster;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Crashes the isolated twin on request. The call that kills it fails (the twin is gone, and the object
 * with it), which is the expected answer here; the master keeps serving and the twin's restart policy
 * brings the twin back.
 */
@RestController
@RequestMapping("/api/isolated")
class IsolatedController {

    private final IsolatedLeaker leaker;
    private final TwinMaster twin;

    IsolatedController(IsolatedLeaker leaker, @Qualifier("isolated") TwinMaster twin) {
        this.leaker = leaker;
        this.twin = twin;
    }

    /** Leaks a megabyte at a time until the twin's 64 MB heap is gone. */
    @PostMapping("/oom")
    Map<String, Object> outOfMemory() {
        long pid = leaker.call(Leaker::pid);
        return crash(pid, () -> leaker.call(l -> l.leak(Integer.MAX_VALUE)));
    }

    @PostMapping("/exit")
    Map<String, Object> exit(@RequestParam(defaultValue = "1") int status) {
        long pid = leaker.call(Leaker::pid);
        return crash(pid, () -> leaker.call(l -> {
            l.exit(status);
            return null;
        }));
    }

    /** Leaks a few megabytes and stays alive: the twin answers how much it holds. */
    @PostMapping("/leak")
    Map<String, Object> leak(@RequestParam(defaultValue = "8") int megabytes) {
        return Map.of("keptMegabytes", leaker.call(l -> l.leak(megabytes)), "pid", leaker.call(Leaker::pid));
    }

    private Map<String, Object> crash(long pid, Runnable crash) {
        try {
            crash.run();
            return Map.of("died", false, "pid", pid, "message", "the twin survived (it is not supposed to)");
        } catch (TwinException e) {
            return Map.of("died", true, "pid", pid, "message", e.getMessage(), "exception", e.getClass().getName(),
                    "state", twin.state().name());
        }
    }
}
