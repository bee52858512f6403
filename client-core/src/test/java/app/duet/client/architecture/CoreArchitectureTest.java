package app.duet.client.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The client core's layering, as tests: libwebrtc stays behind the peer connection and the media packages,
 * the packages depend one way, and nothing here knows about a UI toolkit.
 */
class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.duet.client");

    @Test
    void onlyThePeerConnectionAndMediaPackagesTouchLibwebrtc() {
        noClasses().that().resideOutsideOfPackages("app.duet.client.call.peer..", "app.duet.client.call.media..")
                .should().dependOnClassesThat().resideInAPackage("dev.onvoid.webrtc..")
                .check(CORE);
    }

    @Test
    void noUiToolkitInTheCore() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(CORE);
    }

    @Test
    void theClientsPackagesAreFreeOfCycles() {
        slices().matching("app.duet.client.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void thePackagesOfACallAreFreeOfCycles() {
        slices().matching("app.duet.client.call.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void thePartsOfACallDoNotReachBackIntoTheCallThatUsesThem() {
        // slices() leaves out classes directly in app.duet.client.call, so this closes the loop through them.
        noClasses().that().resideInAPackage("app.duet.client.call.(*)..")
                .should().dependOnClassesThat().resideInAPackage("app.duet.client.call")
                .check(CORE);
    }
}
