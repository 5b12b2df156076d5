package io.cpy2j.demo.web;

import io.cpy2j.TwinMaster;
import io.cpy2j.demo.modern.PrimeSieve;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the page needs besides the live twins endpoint: the master's runtime, and the warnings a
 * newcomer should see (a twin on a fallback JDK, the modern code unavailable).
 */
@RestController
class OverviewController {

    private final Map<String, TwinMaster> twins;
    private final Environment environment;
    private final PrimeSieve sieve;
    private final String legacyLibrary;

    OverviewController(Map<String, TwinMaster> twins, Environment environment, PrimeSieve sieve,
                       @Value("${demo.legacy.library}") String legacyLibrary) {
        this.twins = twins;
        this.environment = environment;
        this.sieve = sieve;
        this.legacyLibrary = legacyLibrary;
    }

    @GetMapping("/api/overview")
    Map<String, Object> overview() {
        Map<String, Object> overview = new LinkedHashMap<>();
        overview.put("master", Map.of("java", Runtime.version().toString(),
                "vendor", System.getProperty("java.vendor"), "pid", ProcessHandle.current().pid()));
        overview.put("warnings", warnings());
        overview.put("legacyLibrary", legacyLibrary);
        return overview;
    }

    private List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        twins.values().forEach(twin -> JdkFallback.warning(twin, environment).ifPresent(warnings::add));
        String modern = modernUnavailable();
        if (modern != null) {
            warnings.add(modern);
        }
        return warnings;
    }

    private String modernUnavailable() {
        try {
            return sieve.unavailableReason();
        } catch (RuntimeException e) {
            return "the modern twin does not answer: " + e.getMessage();
        }
    }
}
