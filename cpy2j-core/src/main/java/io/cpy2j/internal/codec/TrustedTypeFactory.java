package io.cpy2j.internal.codec;

import io.cpy2j.internal.object.Trust;
import java.util.Set;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.type.TypeFactory;
import tools.jackson.databind.type.TypeModifier;
import tools.jackson.databind.util.LookupCache;
import tools.jackson.databind.util.SimpleLookupCache;

/**
 * The type factory of a restricted peer's mapper: it finds a class only when the peer's trust allows
 * it. The validator sees a type id's raw class alone; the classes of its type parameters
 * ({@code ArrayList<com.evil.Gadget>}) and of {@code Class}-typed fields are looked up here, and Jackson
 * would load and initialise them. The derived factories Jackson asks for keep the check.
 */
final class TrustedTypeFactory extends TypeFactory {

    private static final long serialVersionUID = 1L;
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "float", "boolean", "byte",
            "short", "char", "void");

    private final transient Trust trust;

    TrustedTypeFactory(Trust trust) {
        this(trust, new SimpleLookupCache<>(16, 200));
    }

    private TrustedTypeFactory(Trust trust, LookupCache<Object, JavaType> cache) {
        super(cache);
        this.trust = trust;
    }

    @Override
    public Class<?> findClass(String className) throws ClassNotFoundException {
        if (!PRIMITIVES.contains(className)) {
            trust.require(className, "a type");
        }
        return super.findClass(className);
    }

    @Override
    public TypeFactory snapshot() {
        return new TrustedTypeFactory(trust);
    }

    @Override
    public TypeFactory withCache(LookupCache<Object, JavaType> cache) {
        return new TrustedTypeFactory(trust, cache);
    }

    @Override
    public TypeFactory withModifier(TypeModifier modifier) {
        throw new UnsupportedOperationException("a restricted peer's types take no modifiers");
    }

    @Override
    public TypeFactory withClassLoader(ClassLoader loader) {
        throw new UnsupportedOperationException("a restricted peer's types are found by its trust");
    }
}
