package app.duet.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The protocol module is data and a codec: it knows gson and the JDK, nothing else. */
@AnalyzeClasses(packages = "app.duet.protocol", importOptions = ImportOption.DoNotIncludeTests.class)
class ProtocolArchitectureTest {
    @ArchTest
    static final ArchRule onlyGsonAndTheJdk = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("app.duet.protocol..", "com.google.gson..", "java..");

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule messagesAreRecords = classes().that().implement(Message.class).should().beRecords();

    @ArchTest
    static final ArchRule noApps = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("app.duet.server..", "app.duet.client..");
}
