package io.cpy2j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins a class to a twin (cpy2py's {@code __twin_id__}): {@link Twins#create} makes its instances
 * there, and everywhere else they are proxies. Instances cross runtimes by reference. A subclass
 * without its own {@code @Twin} lives where its parent lives; one with another {@code @Twin} lives there.
 * {@code @Twin(Twins.MASTER_ID)} pins a class to the master.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Twin {

    /** The twin id, as given to {@code TwinMaster.builder(id)} or {@code cpy2j.twins.<id>}. */
    String value();
}
