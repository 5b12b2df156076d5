package io.cpy2j.boot;

import io.cpy2j.boot.autoconfigure.EnableTwinsRegistrar;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * Chooses where {@link TwinComponent} classes are looked for, instead of the application's own packages
 * (those of the {@code @SpringBootApplication} class), which the auto-configuration scans by default.
 * Without any package given, the package of the annotated class is scanned.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(EnableTwinsRegistrar.class)
public @interface EnableTwins {

    /** Alias of {@link #basePackages()}. */
    @AliasFor("basePackages")
    String[] value() default {};

    /** Packages to scan for {@code @TwinComponent} classes, sub-packages included. */
    @AliasFor("value")
    String[] basePackages() default {};

    /** Type-safe alternative to {@link #basePackages()}: the packages of these classes are scanned. */
    Class<?>[] basePackageClasses() default {};
}
