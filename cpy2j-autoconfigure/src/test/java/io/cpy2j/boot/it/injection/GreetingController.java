package io.cpy2j.boot.it.injection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** A controller-like bean that receives twin components the ways Spring offers. */
@Component
public class GreetingController {

    final Greeter greeter;
    final Greeter formal;
    final Counter lazyCounter;
    final TwinCounter counterByClass;
    final ObjectProvider<LaterService> later;

    public GreetingController(Greeter greeter, @Qualifier("formal") Greeter formal, @Lazy Counter lazyCounter,
                              TwinCounter counterByClass, ObjectProvider<LaterService> later) {
        this.greeter = greeter;
        this.formal = formal;
        this.lazyCounter = lazyCounter;
        this.counterByClass = counterByClass;
        this.later = later;
    }
}
