package io.cpy2j.internal.codec.trusted;

/** A class of a trusted package with a {@code Class}-typed field, which Jackson fills by a class name. */
public class TypeHolder {

    public Class<?> type;
}
