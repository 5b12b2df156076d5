package io.cpy2j.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The master: a Spring Boot web application on the JDK that runs it. Its three twins are declared in
 * {@code application.yml}; the {@code @TwinComponent} classes under this package live in them.
 */
@SpringBootApplication
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
