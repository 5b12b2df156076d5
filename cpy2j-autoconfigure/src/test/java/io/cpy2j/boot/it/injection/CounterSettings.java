package io.cpy2j.boot.it.injection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration a twin component receives by value. */
@ConfigurationProperties("counter")
public class CounterSettings {

    /** How much one add counts. */
    private int step = 1;

    public int getStep() {
        return step;
    }

    public void setStep(int step) {
        this.step = step;
    }
}
