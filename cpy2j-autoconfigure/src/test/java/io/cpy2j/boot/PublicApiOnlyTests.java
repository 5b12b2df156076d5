package io.cpy2j.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The starter stands on cpy2j-core's public API (io.cpy2j, io.cpy2j.function), never on its internals. */
@AnalyzeClasses(packages = "io.cpy2j.boot", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiOnlyTests {

    @ArchTest
    static final ArchRule noClassUsesCoreInternals = noClasses().should().dependOnClassesThat()
            .resideInAPackage("io.cpy2j.internal..")
            .because("cpy2j-core's internals may change without notice; ask the core for what is missing");
}
