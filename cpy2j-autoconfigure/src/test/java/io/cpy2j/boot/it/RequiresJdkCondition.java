package io.cpy2j.boot.it;

import io.cpy2j.JdkInfo;
import io.cpy2j.JdkNotFoundException;
import io.cpy2j.TwinMaster;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Asks cpy2j's own discovery, through the public API: building a master resolves its JDK (and starts
 * nothing). TODO(core: a public JDK listing, such as {@code Jdks.installed()}), to ask without a master.
 */
final class RequiresJdkCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        RequiresJdk requires = context.getElement()
                .map(element -> AnnotatedElementUtils.findMergedAnnotation(element, RequiresJdk.class)).orElse(null);
        if (requires == null) {
            return ConditionEvaluationResult.enabled("no JDK required");
        }
        try (TwinMaster probe = TwinMaster.builder("cpy2j-jdk-probe").javaVersion(requires.value())
                .shutdownHook(false).build()) {
            return ConditionEvaluationResult.enabled("JDK " + requires.value() + " at " + probe.javaHome());
        } catch (JdkNotFoundException e) {
            String reason = "skipped: needs a JDK " + requires.value() + "; found: "
                    + e.jdksFound().stream().map(JdkInfo::toString).collect(Collectors.joining("; "));
            System.out.println("[cpy2j test] " + reason); // Surefire's summary counts skips without reasons
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
