package io.cpy2j.boot.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips a test class, before its Spring context is loaded, when no JDK of this feature version is
 * installed where cpy2j looks; the reason lists the JDKs found.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RequiresJdkCondition.class)
public @interface RequiresJdk {

    int value();
}
