package io.cpy2j.boot.it.jdk25;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application on the test's JDK with one twin on Java 25, found by version. */
@SpringBootApplication
public class Jdk25App {
}
