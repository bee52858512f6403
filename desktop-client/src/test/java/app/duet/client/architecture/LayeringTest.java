package app.duet.client.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;

import org.junit.jupiter.api.Test;

import app.duet.client.call.CallEngine;
import app.duet.client.signaling.SignalingClient;

/** The client's layering rules, as tests: UI, signaling and call engine stay behind their doors. */
class LayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.duet.client");

    @Test
    void theUiNeverTouchesLibwebrtcSqlOrSockets() {
        noClasses().that().resideInAPackage("app.duet.client.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.onvoid.webrtc..", "java.sql..",
                        "org.java_websocket..")
                .check(MAIN);
    }

    @Test
    void onlyTheCallEngineImportsLibwebrtc() {
        noClasses().that().resideOutsideOfPackage("app.duet.client.call..")
                .should().dependOnClassesThat().resideInAPackage("dev.onvoid.webrtc..")
                .check(MAIN);
    }

    @Test
    void onlyTheSignalingClientOwnsTheWebSocket() {
        noClasses().that().resideOutsideOfPackage("app.duet.client.signaling..")
                .should().dependOnClassesThat().resideInAPackage("org.java_websocket..")
                .check(MAIN);
    }

    @Test
    void onlyTheNotificationsPackageTalksDBus() {
        // Views and view models see CallNotifier and RingAlerts; the D-Bus types stay in app.duet.client.notify.
        noClasses().that().resideOutsideOfPackage("app.duet.client.notify..")
                .should().dependOnClassesThat().resideInAPackage("org.freedesktop.dbus..")
                .check(MAIN);
    }

    @Test
    void signalingAndCallEngineDoNotDependOnTheUi() {
        noClasses().that().resideInAnyPackage("app.duet.client.signaling..", "app.duet.client.call..",
                        "app.duet.client.config..")
                .should().dependOnClassesThat().resideInAnyPackage("app.duet.client.ui..", "javafx..")
                .check(MAIN);
    }

    @Test
    void screensOutsideTheCallReachTheServerThroughNarrowInterfaces() {
        // AccountService, ChannelService, ServerConnection, SignalingEventSource: fakes stand in for them in plain tests.
        noClasses().that().resideInAPackage("app.duet.client.ui..")
                .and().resideOutsideOfPackage("app.duet.client.ui.call..")
                .should().dependOnClassesThat().belongToAnyOf(SignalingClient.class, CallEngine.class)
                .check(MAIN);
    }

    @Test
    void viewModelsDoNotBuildNodes() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..")
                .check(MAIN);
    }

    @Test
    void theClientsPackagesAreFreeOfCycles() {
        // ui, config, headless, signaling, call: each slice depends on the others one way only.
        slices().matching("app.duet.client.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingWritesToStandardStreamsOrPrintsStackTraces() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN);
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(MAIN);
    }
}
