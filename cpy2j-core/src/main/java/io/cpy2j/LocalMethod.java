package io.cpy2j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a twin class that runs on the caller's side, on the proxy (cpy2py's {@code localmethod}).
 * It sees no native state: whatever it calls on {@code this} goes to the native object as usual.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LocalMethod {
}
