package io.cpy2j.demo.modern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sieves in the modern twin, draws in the master, answers a PNG. */
@RestController
class SieveController {

    /** Large enough to see the pattern, small enough that the matrix stays a few megabytes. */
    static final int MIN_LIMIT = 100;
    static final int MAX_LIMIT = 4_000_000;

    private final PrimeSieve sieve;

    SieveController(PrimeSieve sieve) {
        this.sieve = sieve;
    }

    @GetMapping("/api/sieve") // no "produces": errors must still answer JSON
    ResponseEntity<byte[]> sieve(@RequestParam(defaultValue = "1000000") int limit) {
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT
                    + ", was " + limit);
        }
        SieveResult result = sieve.sieve(limit);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .header("X-Sieve-Java", result.javaVersion())
                .header("X-Sieve-Millis", String.valueOf(result.nanos() / 1_000_000))
                .header("X-Sieve-Primes", String.valueOf(result.primes()))
                .body(SieveImage.png(result));
    }
}
