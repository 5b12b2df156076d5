package io.cpy2j.boot.it.injection;

import io.cpy2j.boot.TwinComponent;
import org.springframework.context.annotation.Primary;

/** Seen as a Greeter only: a JDK proxy of that interface. The primary one. */
@Primary
@TwinComponent(twin = "local", view = Greeter.class)
public class CasualGreeter implements Greeter {

    @Override
    public String greet(String name) {
        return "hi " + name;
    }
}
