package io.cpy2j.benchmarks.boot;

import io.cpy2j.TwinMaster;
import io.cpy2j.benchmarks.Checks;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring context with one twin and an injected {@link Echoer}, and beside it the same class made
 * through the core ({@code master.create}) on the same twin: the two calls differ only by the starter.
 */
@State(Scope.Benchmark)
public class BootTwin {

    static final String ID = "bench-boot";

    /** Whether calls are observed ({@code cpy2j.call} Observations into a simple meter registry). */
    @Param({"false", "true"})
    public boolean observation;

    ConfigurableApplicationContext context;
    Echoer injected;
    Echoer core;

    @Setup(Level.Trial)
    public void start() {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        context = new SpringApplicationBuilder(BootApp.class).web(WebApplicationType.NONE)
                .properties("cpy2j.twins." + ID + ".auto-start=eager", "spring.main.banner-mode=off",
                        "bench.observation=" + observation)
                .run();
        injected = context.getBean(Echoer.class);
        core = context.getBean(TwinMaster.class).create(Echoer.class);
        Checks.expect(injected.echo(5), 5, "starter component");
        Checks.expect(core.echo(6), 6, "core proxy");
    }

    public Echoer injected() {
        return injected;
    }

    public Echoer core() {
        return core;
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
