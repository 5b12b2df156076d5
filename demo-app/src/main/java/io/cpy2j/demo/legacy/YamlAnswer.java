package io.cpy2j.demo.legacy;

/**
 * What one runtime's SnakeYAML answered.
 *
 * @param runtime  where it ran: the twin's id, or master, and its Java version
 * @param version  the SnakeYAML version that answered
 * @param loaded   whether the document was loaded; false when SnakeYAML refused it
 * @param type     the loaded value's class, or the exception's
 * @param value    the loaded value as text, or the exception's message
 */
public record YamlAnswer(String runtime, String version, boolean loaded, String type, String value) {
}
