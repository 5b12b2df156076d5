package io.cpy2j.boot.it.restart;

import io.cpy2j.TwinEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;

/** Twins that get killed: "phoenix" restarts on failure, "mortal" does not. */
@SpringBootApplication
public class RestartApp {

    final List<TwinEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(TwinEvent event) {
        events.add(event);
    }
}
