package io.cpy2j.boot.it.injection;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** An application whose @TwinComponent classes live in twin "local" (the master's JDK) and "later" (lazy). */
@SpringBootApplication
@EnableConfigurationProperties(CounterSettings.class)
public class InjectionApp {
}
