package app.duet.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** Transport, rules and storage stay apart; the rules never see a socket or SQL. */
@AnalyzeClasses(packages = "app.duet.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {
    @ArchTest
    static final ArchRule rulesDoNotTouchSockets = noClasses()
            .that().resideInAnyPackage("..server.channels..", "..server.auth..", "..server.account..", "..server.store..",
                    "..server.turn..")
            .should().dependOnClassesThat().resideInAnyPackage("org.java_websocket..", "app.duet.server.transport..");

    @ArchTest
    static final ArchRule onlyStoresSpeakSql = noClasses()
            .that().resideOutsideOfPackage("..server.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "org.postgresql..", "org.flywaydb..", "com.zaxxer..");

    /** Growth seam: the in-process relay is chosen by the composition root only; rules see {@code Relay}. */
    @ArchTest
    static final ArchRule onlyTheCompositionRootPicksTheRelay = noClasses()
            .that().resideOutsideOfPackage("..server.transport..").and().doNotHaveSimpleName("DuetServer")
            .should().dependOnClassesThat().haveSimpleName("ConnectionRegistry");

    @ArchTest
    static final ArchRule storesHoldDataNotRules = noClasses()
            .that().resideInAPackage("..server.store..")
            .should().dependOnClassesThat().resideInAnyPackage("..server.auth..", "..server.channels..",
                    "..server.transport..", "app.duet.protocol..");

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
