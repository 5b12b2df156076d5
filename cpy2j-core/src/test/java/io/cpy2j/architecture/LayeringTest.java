package io.cpy2j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core's layers, bottom up: transport, protocol, kernel; object, codec, call; connection; launch;
 * the master's and the twin's ends; the public facade. Each knows only those below it. The public
 * vocabulary (exceptions, annotations, value records, function types in {@code io.cpy2j}) is usable
 * everywhere; the facade classes ({@code TwinMaster}, {@code Twins}, ...) by nobody inside.
 */
@AnalyzeClasses(packages = "io.cpy2j", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Transport").definedBy("io.cpy2j.internal.transport..")
            .layer("Protocol").definedBy("io.cpy2j.internal.protocol..")
            .layer("Kernel").definedBy("io.cpy2j.internal.kernel..")
            .layer("Object").definedBy("io.cpy2j.internal.object..")
            .layer("Codec").definedBy("io.cpy2j.internal.codec..")
            .layer("Call").definedBy("io.cpy2j.internal.call..")
            .layer("Connection").definedBy("io.cpy2j.internal.connection..")
            .layer("Launch").definedBy("io.cpy2j.internal.launch..")
            .layer("Master").definedBy("io.cpy2j.internal.master..")
            .layer("Twin").definedBy("io.cpy2j.internal.twin..")
            .whereLayer("Transport").mayNotAccessAnyLayer()
            .whereLayer("Protocol").mayOnlyAccessLayers("Transport")
            .whereLayer("Kernel").mayOnlyAccessLayers("Protocol")
            .whereLayer("Object").mayNotAccessAnyLayer()
            .whereLayer("Codec").mayOnlyAccessLayers("Object")
            .whereLayer("Call").mayOnlyAccessLayers("Codec", "Object", "Kernel")
            .whereLayer("Connection").mayOnlyAccessLayers("Call", "Codec", "Object", "Kernel", "Protocol", "Transport")
            .whereLayer("Launch").mayNotAccessAnyLayer()
            .whereLayer("Master").mayOnlyAccessLayers("Connection", "Launch", "Call", "Object", "Kernel", "Protocol",
                    "Transport")
            .whereLayer("Twin").mayOnlyAccessLayers("Connection", "Call", "Object", "Kernel", "Protocol", "Transport");

    @ArchTest
    static final ArchRule internalsDoNotUseTheFacade = noClasses().that().resideInAPackage("io.cpy2j.internal..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.cpy2j.TwinMaster")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.cpy2j.TwinMasterBuilder")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.cpy2j.Twins")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.cpy2j.TwinGroup")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.cpy2j.TwinAsync")
            .because("the public facade stands on the internals, never the other way round");
}
