package io.cpy2j.boot.it.injection;

public interface Greeter {

    String greet(String name);
}
