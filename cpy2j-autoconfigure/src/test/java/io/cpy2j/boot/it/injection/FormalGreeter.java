package io.cpy2j.boot.it.injection;

import io.cpy2j.boot.TwinComponent;
import org.springframework.beans.factory.annotation.Qualifier;

/** Injected where @Qualifier("formal") asks for it. */
@Qualifier("formal")
@TwinComponent(twin = "local", view = Greeter.class)
public class FormalGreeter implements Greeter {

    @Override
    public String greet(String name) {
        return "Good day, " + name;
    }
}
